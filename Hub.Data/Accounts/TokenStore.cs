using Dapper;
using Hub.Core.Accounts;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Accounts;

/// <summary>API tokens, stored only as their SHA-256 hash.</summary>
public sealed class TokenStore(HubDb db) : ITokenStore
{
    public async Task CreateAsync(Guid id, Guid userId, byte[] tokenHash, string name, DateTimeOffset createdAt, DateTimeOffset expiresAt, CancellationToken ct)
    {
        const string sql = """
            insert into api_tokens (id, user_id, token_hash, name, created_at, expires_at)
            values (@id, @userId, @tokenHash, @name, @createdAt, @expiresAt)
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        await conn.ExecuteAsync(new CommandDefinition(sql, new { id, userId, tokenHash, name, createdAt, expiresAt }, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    // One round trip: is the token valid, (at most once a minute, so requests do not all write) when was it last used, and
    // who is its user (whether the token counts is the first statement's answer).
    private static readonly string _find = $"""
        with valid as (
            select t.token_hash, t.user_id, t.last_used_at from api_tokens t join users u on u.id = t.user_id
            where t.token_hash = @tokenHash and t.revoked_at is null and t.expires_at > @now and u.disabled_at is null),
        touched as (
            update api_tokens set last_used_at = @now
            where token_hash in (select token_hash from valid where last_used_at is null or last_used_at < @touchBefore) returning 1)
        select exists (select 1 from valid);
        {UserStore.ActorSqlFor("(select t.user_id from api_tokens t where t.token_hash = @tokenHash)")}
        """;

    public async Task<Actor?> FindActorAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(_find, new { tokenHash, now, touchBefore = now - TimeSpan.FromMinutes(1) }, cancellationToken: ct));
        // Every answer is read; the actor only counts when the token does.
        var valid = await grid.ReadSingleAsync<bool>();
        var actor = await UserStore.ReadActorAsync(grid);
        return valid ? actor : null;
    }

    public async Task<bool> RevokeAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = "update api_tokens set revoked_at = @now where token_hash = @tokenHash and revoked_at is null";
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var revoked = await conn.ExecuteAsync(new CommandDefinition(sql, new { tokenHash, now }, cancellationToken: ct)) > 0;
        await scope.CommitAsync(ct);
        return revoked;
    }
}
