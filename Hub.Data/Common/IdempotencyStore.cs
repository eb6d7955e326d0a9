using Dapper;
using Hub.Core.Common;

namespace Hub.Data.Common;

public sealed class IdempotencyStore(HubDb db) : IIdempotencyStore
{
    /// <summary>No request runs this long: an unanswered, uncommitted claim this old belongs to a request that died.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromSeconds(20);

    public async Task<(IdempotencyClaim Claim, StoredAnswer? Answer)> ClaimAsync(
        Guid userId, string key, string method, string path, string requestHash, DateTimeOffset now, CancellationToken ct)
    {
        const string claim = """
            insert into idempotency_keys (user_id, key, method, path, request_hash, created_at) values (@userId, @key, @method, @path, @requestHash, @now)
            on conflict (user_id, key) do nothing
            returning true
            """;
        const string existing = """
            select method, path, request_hash, status_code, location, content_type, body, committed_at is not null as committed, created_at < @stale as abandoned
            from idempotency_keys where user_id = @userId and key = @key
            """;
        // A claim that committed nothing and whose request is long gone (an outage, a killed process) may be taken over.
        const string takeOver = """
            update idempotency_keys set created_at = @now, request_hash = @requestHash
            where user_id = @userId and key = @key and status_code is null and committed_at is null and created_at < @stale
            returning true
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        await conn.ExecuteAsync(new CommandDefinition("delete from idempotency_keys where user_id = @userId and created_at < @expired",
            new { userId, expired = now.AddDays(-1) }, scope.Transaction, cancellationToken: ct));
        var first = await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(claim, new { userId, key, method, path, requestHash, now }, scope.Transaction, cancellationToken: ct));
        var stale = now - AbandonedAfter;
        var row = first is true ? null : await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(existing, new { userId, key, stale }, scope.Transaction, cancellationToken: ct));
        var same = row is not null && row.Method == method && row.Path == path && (row.RequestHash is null || row.RequestHash == requestHash);
        if (row is { StatusCode: null, Committed: false, Abandoned: true } && same)
            first = await conn.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(takeOver, new { userId, key, now, stale, requestHash }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
        if (first is true)
            return (IdempotencyClaim.First, null);
        if (row is null)
            return (IdempotencyClaim.InProgress, null); // claimed and released again in between: the caller asks once more
        if (!same)
            return (IdempotencyClaim.Mismatch, null);
        if (row.StatusCode is { } status)
            return (IdempotencyClaim.Answered, new StoredAnswer(status, row.Location, row.ContentType, row.Body));
        // Committed a moment ago by a request that is still recording its answer: wait for it. Committed by one that died: say so.
        return row.Committed && row.Abandoned ? (IdempotencyClaim.Applied, null) : (IdempotencyClaim.InProgress, null);
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
        // The work's transaction marks the key committed (HubDb's DbScope.CommitAsync). When the commit's answer was lost,
        // the request failed here although its work is done: such a key is kept, dated back so that a retry is told at
        // once that it was applied, instead of doing the work a second time.
        const string release = """
            delete from idempotency_keys where user_id = @userId and key = @key and status_code is null and committed_at is null;
            update idempotency_keys set created_at = least(created_at, now() - make_interval(secs => @abandoned))
            where user_id = @userId and key = @key and status_code is null and committed_at is not null;
            """;
        await using var scope = await db.OpenAsync(ct);
        await scope.Connection.ExecuteAsync(new CommandDefinition(release,
            new { userId, key, abandoned = AbandonedAfter.TotalSeconds + 1 }, scope.Transaction, cancellationToken: ct));
        await scope.CommitAsync(ct);
    }

    private sealed class Row
    {
        public string Method { get; init; } = "";

        public string Path { get; init; } = "";

        public string? RequestHash { get; init; }

        public int? StatusCode { get; init; }

        public string? Location { get; init; }

        public string? ContentType { get; init; }

        public string? Body { get; init; }

        public bool Committed { get; init; }

        public bool Abandoned { get; init; }
    }
}
