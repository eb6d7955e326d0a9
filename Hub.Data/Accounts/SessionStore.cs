using Dapper;
using Hub.Core.Accounts;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Hub.Data.Inbox;

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

    // One round trip, the first of the request's shared reads (HubDb.ReadForAsync): the user for row-level security, is
    // the session valid and does it need recording (at most once a minute, so requests do not all write), who is the user,
    // and the unread notifications for the layout. Everything is read whatever the answer (a few index lookups) and
    // dropped when the session is not valid.
    private static readonly string _check = $"""
        {HubDb.SetUserSql}
        select s.last_seen_at < @touchBefore
        from sessions s join users u on u.id = s.user_id
        where s.id = @sessionId and s.user_id = @userId and s.ended_at is null and u.disabled_at is null
          and s.last_seen_at > @idleSince and s.created_at > @absoluteSince;
        {UserStore.ActorSql}
        {InboxStore.CountUnreadSql};
        """;

    public async Task<SessionCheck?> TouchAsync(Guid sessionId, Guid userId, DateTimeOffset now, SessionPolicy policy, CancellationToken ct)
    {
        var touchBefore = now - TimeSpan.FromMinutes(1);
        bool? touch;
        Actor? actor;
        int unread;
        await using var scope = await db.ReadForAsync(userId, ct);
        await using (var grid = await scope.Connection.QueryMultipleAsync(new CommandDefinition(_check, new
        {
            sessionId, userId, idleSince = now - policy.Idle, absoluteSince = now - policy.Absolute, touchBefore,
        }, scope.Transaction, cancellationToken: ct)))
        {
            await grid.ReadAsync();
            touch = await grid.ReadSingleOrDefaultAsync<bool?>();
            actor = await UserStore.ReadActorAsync(grid);
            unread = await grid.ReadSingleAsync<int>();
        }

        if (touch is null || actor is null)
        {
            await HubDb.AbandonSharedReadsAsync(scope);
            return null;
        }

        if (touch == true)
        {
            // Its own statement outside the reads (a read transaction never writes).
            await using var conn = await db.OpenConnectionAsync(ct);
            await conn.ExecuteAsync(new CommandDefinition(
                "update sessions set last_seen_at = @now where id = @sessionId and last_seen_at < @touchBefore", new { sessionId, now, touchBefore }, cancellationToken: ct));
        }

        return new SessionCheck(actor, unread);
    }

    public async Task EndAsync(Guid sessionId, DateTimeOffset now, string reason, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "update sessions set ended_at = @now, end_reason = @reason where id = @sessionId and ended_at is null", new { sessionId, now, reason }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }
}
