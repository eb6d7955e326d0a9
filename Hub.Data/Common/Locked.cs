using Hub.Core.Common;

namespace Hub.Data.Common;

/// <summary>A state loaded under locks in a write transaction; committing writes the decision, disposing rolls back.</summary>
internal sealed class Locked<TState, TDecision> : ILocked<TState, TDecision>
    where TState : class
{
    private readonly DbScope _scope;
    private readonly Func<DbScope, TDecision, CancellationToken, Task> _write;

    private Locked(DbScope scope, TState? state, Func<DbScope, TDecision, CancellationToken, Task> write)
    {
        _scope = scope;
        State = state;
        _write = write;
    }

    public TState? State { get; }

    /// <summary>Opens a write transaction and loads the state with <paramref name="load"/>, which takes the locks.</summary>
    public static async Task<ILocked<TState, TDecision>> OpenAsync(
        HubDb db, Func<DbScope, Task<TState?>> load, Func<DbScope, TDecision, CancellationToken, Task> write, CancellationToken ct)
    {
        var scope = await db.OpenAsync(ct);
        try
        {
            return new Locked<TState, TDecision>(scope, await load(scope), write);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async Task CommitAsync(TDecision decision, CancellationToken ct)
    {
        await _write(_scope, decision, ct);
        await _scope.CommitAsync(ct);
    }

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
