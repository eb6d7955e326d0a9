using Dapper;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Data.Common;

namespace Hub.Data.Accounts;

public sealed class SessionStore(HubDb db) : ISessionStore
{
    public async Task<Guid> StartAsync(Guid userId, DateTimeOffset now, CancellationToken ct)
    {
        var id = Ids.New();
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "insert into sessions (id, user_id, created_at, last_seen_at) values (@id, @userId, @now, @now)", new { id, userId, now }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
        return id;
    }

    // One round trip: is it valid, (at most once a minute, so requests do not all write) when was it last used, and who
    // is the user. The user is read whatever the answer (a few index lookups) and dropped when the session is not.
    private static readonly string _touch = $"""
        with valid as (
            select s.id from sessions s join users u on u.id = s.user_id
            where s.id = @sessionId and s.user_id = @userId and s.ended_at is null and u.disabled_at is null
              and s.last_seen_at > @idleSince and s.created_at > @absoluteSince),
        touched as (
            update sessions set last_seen_at = @now where id in (select id from valid) and last_seen_at < @touchBefore returning id)
        select exists (select 1 from valid);
        {UserStore.ActorSql}
        """;

    public async Task<Actor?> TouchAsync(Guid sessionId, Guid userId, DateTimeOffset now, SessionPolicy policy, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(_touch, new
        {
            sessionId, userId, now, idleSince = now - policy.Idle, absoluteSince = now - policy.Absolute, touchBefore = now - TimeSpan.FromMinutes(1),
        }, cancellationToken: ct));
        return await UserStore.ReadActorIfValidAsync(grid);
    }

    public async Task EndAsync(Guid sessionId, DateTimeOffset now, string reason, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "update sessions set ended_at = @now, end_reason = @reason where id = @sessionId and ended_at is null", new { sessionId, now, reason }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }
}
