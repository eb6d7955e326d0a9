using Dapper;
using Hub.Core.Accounts;
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

    public async Task<Guid?> FindUserAsync(byte[] tokenHash, DateTimeOffset now, CancellationToken ct)
    {
        const string sql = """
            update api_tokens t set last_used_at = @now
            from users u
            where t.token_hash = @tokenHash and t.revoked_at is null and t.expires_at > @now
              and u.id = t.user_id and u.disabled_at is null
            returning t.user_id
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var userId = await conn.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(sql, new { tokenHash, now }, cancellationToken: ct));
        await scope.CommitAsync(ct);
        return userId;
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
