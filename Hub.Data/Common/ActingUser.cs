namespace Hub.Data.Common;

/// <summary>
/// The user on whose behalf the current request (or test, or CLI step) reads and writes. The web layer sets it
/// once authentication knows the user; every transaction <see cref="HubDb"/> opens hands it to PostgreSQL's
/// row-level security. Nobody set means anonymous: the policies then show only public rows.
/// </summary>
public static class ActingUser
{
    private static readonly AsyncLocal<Guid?> _current = new();

    public static Guid? Current => _current.Value;

    /// <summary>Acts as <paramref name="userId"/> until the returned scope is disposed (then as whoever acted before).</summary>
    public static IDisposable Use(Guid? userId)
    {
        var previous = _current.Value;
        _current.Value = userId;
        return new Restore(previous);
    }

    private sealed class Restore(Guid? previous) : IDisposable
    {
        public void Dispose() => _current.Value = previous;
    }
}
