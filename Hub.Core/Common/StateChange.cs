namespace Hub.Core.Common;

/// <summary>
/// State a store has loaded under its locks, in an open transaction: <see cref="CommitAsync"/> writes what the decider
/// decided and commits; disposing without it writes nothing.
/// </summary>
public interface ILocked<out TState, in TDecision> : IAsyncDisposable
    where TState : class
{
    /// <summary>Null when the row is gone or hidden from the actor.</summary>
    TState? State { get; }

    Task CommitAsync(TDecision decision, CancellationToken ct);
}

/// <summary>
/// The one way a use case changes existing state: the store loads, a pure decider decides, the store writes what was
/// decided (values, audit event, notifications, the time from the caller's clock). Decided twice: first on what the
/// store reads without a lock, so a refusal opens no write transaction and a row the actor may see but not change gets
/// its 403 (under row-level security a locking read would not find it: 404); then on the state loaded under the lock,
/// which is what is written.
/// </summary>
public static class StateChange
{
    public static async Task<Result<TDecision>> DecideAsync<TState, TDecision>(
        Func<CancellationToken, Task<TState?>> read,
        Func<CancellationToken, Task<ILocked<TState, TDecision>>> lockAsync,
        Func<TState?, Result<TDecision>> decide,
        CancellationToken ct)
        where TState : class
    {
        var seen = decide(await read(ct));
        if (!seen.IsSuccess)
            return seen;
        return await DecideLockedAsync(lockAsync, decide, ct);
    }

    /// <summary>
    /// Decided on the locked state only: for rows that whoever may see them may also lock (row-level security lets a
    /// draft's observers lock it, so refusing them is the decider's 403).
    /// </summary>
    public static async Task<Result<TDecision>> DecideLockedAsync<TState, TDecision>(
        Func<CancellationToken, Task<ILocked<TState, TDecision>>> lockAsync,
        Func<TState?, Result<TDecision>> decide,
        CancellationToken ct)
        where TState : class
    {
        await using var locked = await lockAsync(ct);
        var decided = decide(locked.State);
        if (decided.IsSuccess)
            await locked.CommitAsync(decided.Value, ct);
        return decided;
    }
}
