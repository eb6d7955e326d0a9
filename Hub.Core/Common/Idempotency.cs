namespace Hub.Core.Common;

/// <summary>The first answer to a request made with an idempotency key, kept to answer repeats with.</summary>
public sealed record StoredAnswer(int StatusCode, string? Location, string? ContentType, string? Body);

/// <summary>What a key says about a request: go ahead (first time), answer as before, still running, or used for another request.</summary>
public enum IdempotencyClaim
{
    First,
    Answered,
    InProgress,
    Mismatch,

    /// <summary>The first request's work was committed but its answer never recorded (the connection broke in between).</summary>
    Applied,
}

public interface IIdempotencyStore
{
    /// <summary>
    /// Claims the key for this user and request, or tells what an earlier request with it did. A request is the same when
    /// its method, path and <paramref name="requestHash"/> (SHA-256 of method, path and body) are.
    /// </summary>
    Task<(IdempotencyClaim Claim, StoredAnswer? Answer)> ClaimAsync(Guid userId, string key, string method, string path, string requestHash, DateTimeOffset now, CancellationToken ct);

    Task CompleteAsync(Guid userId, string key, StoredAnswer answer, CancellationToken ct);

    /// <summary>
    /// The request failed: the key is free for a retry — unless its work committed (the commit's answer may have been
    /// lost on the way back), then the key stays and a retry learns that it was applied.
    /// </summary>
    Task ReleaseAsync(Guid userId, string key, CancellationToken ct);
}
