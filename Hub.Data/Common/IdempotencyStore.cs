using Dapper;
using Hub.Core.Common;

namespace Hub.Data.Common;

public sealed class IdempotencyStore(HubDb db) : IIdempotencyStore
{
    public async Task<(IdempotencyClaim Claim, StoredAnswer? Answer)> ClaimAsync(Guid userId, string key, string method, string path, DateTimeOffset now, CancellationToken ct)
    {
        const string claim = """
            insert into idempotency_keys (user_id, key, method, path, created_at) values (@userId, @key, @method, @path, @now)
            on conflict (user_id, key) do nothing
            returning true
            """;
        const string existing = "select method, path, status_code, location, content_type, body from idempotency_keys where user_id = @userId and key = @key";
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        await conn.ExecuteAsync(new CommandDefinition("delete from idempotency_keys where user_id = @userId and created_at < @expired",
            new { userId, expired = now.AddDays(-1) }, scope.Transaction, cancellationToken: ct));
        var first = await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(claim, new { userId, key, method, path, now }, scope.Transaction, cancellationToken: ct));
        var row = first is true ? null : await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(existing, new { userId, key }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
        if (first is true)
            return (IdempotencyClaim.First, null);
        if (row is null)
            return (IdempotencyClaim.InProgress, null); // claimed and released again in between: the caller asks once more
        if (row.Method != method || row.Path != path)
            return (IdempotencyClaim.Mismatch, null);
        return row.StatusCode is { } status
            ? (IdempotencyClaim.Answered, new StoredAnswer(status, row.Location, row.ContentType, row.Body))
            : (IdempotencyClaim.InProgress, null);
    }

    public async Task CompleteAsync(Guid userId, string key, StoredAnswer answer, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition("""
            update idempotency_keys set status_code = @StatusCode, location = @Location, content_type = @ContentType, body = @Body
            where user_id = @userId and key = @key
            """, new { userId, key, answer.StatusCode, answer.Location, answer.ContentType, answer.Body }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    public async Task ReleaseAsync(Guid userId, string key, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(
            "delete from idempotency_keys where user_id = @userId and key = @key and status_code is null", new { userId, key }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    private sealed class Row
    {
        public string Method { get; init; } = "";

        public string Path { get; init; } = "";

        public int? StatusCode { get; init; }

        public string? Location { get; init; }

        public string? ContentType { get; init; }

        public string? Body { get; init; }
    }
}
