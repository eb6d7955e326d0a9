using Dapper;
using Npgsql;

namespace Hub.Data.Common;

/// <summary>
/// Every store's way into PostgreSQL: a connection with a transaction in which the acting user is set for row-level
/// security (<c>set_config('hub.user_id', …, true)</c>: for this transaction only, never the pooled session).
/// Writes open their own transaction (<see cref="OpenAsync"/>) and commit it. Reads (<see cref="ReadAsync"/>) share one
/// transaction per web request when the web layer asked for it (<see cref="ShareReads"/>): one connection, one
/// <c>set_config</c> and one end for all the reads of a page instead of one each; a signed-in page's session check begins
/// it (<see cref="ReadForAsync"/>). Outside a request, or when the acting user is not the one the shared transaction
/// began with, a read gets its own like a write. A read scope is never committed.
/// </summary>
public sealed class HubDb(NpgsqlDataSource source)
{
    private static readonly AsyncLocal<SharedReads?> _shared = new();

    public NpgsqlDataSource Source => source;

    public async Task<DbScope> OpenAsync(CancellationToken ct)
    {
        var (conn, tx) = await BeginAsync(ActingUser.Current, ct);
        return new DbScope(conn, tx, borrowed: false);
    }

    public async Task<DbScope> ReadAsync(CancellationToken ct)
    {
        if (_shared.Value is not { } shared)
            return await OpenAsync(ct);
        var user = ActingUser.Current;
        if (shared.Transaction is null)
        {
            shared.Source = source;
            shared.User = user;
            (shared.Connection, shared.Transaction) = await BeginAsync(user, ct);
        }
        else if (!ReferenceEquals(shared.Source, source) || shared.User != user)
        {
            return await OpenAsync(ct);
        }

        return new DbScope(shared.Connection!, shared.Transaction, borrowed: true);
    }

    /// <summary>The first statement of a command that opens its reads with <see cref="ReadForAsync"/>: the user for row-level security (parameter <c>@userId</c>).</summary>
    public const string SetUserSql = "select set_config('hub.user_id', @userId::text, true);";

    /// <summary>
    /// A read scope for a sign-in check that, when it confirms <paramref name="userId"/>, also begins the request's shared
    /// reads: if the request shares its reads and has not read yet, the check's command becomes the shared transaction's
    /// first (its <c>BEGIN</c> travels with it, and the command's first statement, <see cref="SetUserSql"/>, sets the user),
    /// so the check, the user for row-level security and the page's first reads need no round trip of their own.
    /// Otherwise a transaction of its own. When the check refuses the user, call <see cref="AbandonSharedReadsAsync"/>.
    /// </summary>
    public async Task<DbScope> ReadForAsync(Guid userId, CancellationToken ct)
    {
        var (conn, tx) = await BeginAsync(null, ct); // the user is set by the caller's first statement
        if (_shared.Value is not { Transaction: null } shared)
            return new DbScope(conn, tx, borrowed: false);
        (shared.Source, shared.User, shared.Connection, shared.Transaction) = (source, userId, conn, tx);
        return new DbScope(conn, tx, borrowed: true);
    }

    /// <summary>Ends the shared reads a refused sign-in check began (<see cref="ReadForAsync"/>): later reads begin afresh, as whoever acts then.</summary>
    public static ValueTask AbandonSharedReadsAsync(DbScope scope) =>
        _shared.Value is { } shared && ReferenceEquals(shared.Transaction, scope.Transaction) ? shared.ResetAsync() : ValueTask.CompletedTask;

    /// <summary>
    /// A connection without a transaction, for statements on tables without row-level security outside the request's
    /// reads (an API token's check with its actor, a session's or token's once-a-minute "last used"). Each command is its
    /// own implicit transaction, so it is one round trip instead of three (begin, statement, end); a command of several
    /// statements still runs as one.
    /// </summary>
    public ValueTask<NpgsqlConnection> OpenConnectionAsync(CancellationToken ct) => source.OpenConnectionAsync(ct);

    /// <summary>
    /// From here until the returned scope is disposed, <see cref="ReadAsync"/> calls share one transaction (opened at the
    /// first read, rolled back at the end). Its reads must not run in parallel: one connection serves them one by one.
    /// </summary>
    public static IAsyncDisposable ShareReads()
    {
        var shared = new SharedReads(_shared.Value);
        _shared.Value = shared;
        return shared;
    }

    private async Task<(NpgsqlConnection, NpgsqlTransaction)> BeginAsync(Guid? userId, CancellationToken ct)
    {
        var conn = await source.OpenConnectionAsync(ct);
        try
        {
            var tx = await conn.BeginTransactionAsync(ct);
            if (userId is not null)
                await conn.ExecuteAsync(new CommandDefinition(SetUserSql, new { userId }, tx, cancellationToken: ct));
            return (conn, tx);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
        }
    }

    private sealed class SharedReads(SharedReads? previous) : IAsyncDisposable
    {
        public NpgsqlDataSource? Source { get; set; }

        public Guid? User { get; set; }

        public NpgsqlConnection? Connection { get; set; }

        public NpgsqlTransaction? Transaction { get; set; }

        // Not async: the restored value must reach the caller's context.
        public ValueTask DisposeAsync()
        {
            _shared.Value = previous;
            return ResetAsync();
        }

        public async ValueTask ResetAsync()
        {
            var (connection, transaction) = (Connection, Transaction);
            (Source, User, Connection, Transaction) = (null, null, null, null);
            if (transaction is not null)
                await transaction.DisposeAsync();
            if (connection is not null)
                await connection.DisposeAsync();
        }
    }
}

/// <summary>The idempotency key of the request being executed (set by the web layer around the action).</summary>
public static class PendingIdempotency
{
    private static readonly AsyncLocal<PendingKey?> _current = new();

    public static PendingKey? Current => _current.Value;

    public static IDisposable Use(PendingKey key)
    {
        var previous = _current.Value;
        _current.Value = key;
        return new Restore(previous);
    }

    public sealed record PendingKey(Guid UserId, string Key)
    {
        /// <summary>Set once a transaction of the request committed its work.</summary>
        public bool Committed { get; set; }
    }

    private sealed class Restore(PendingKey? previous) : IDisposable
    {
        public void Dispose() => _current.Value = previous;
    }
}

/// <summary>
/// One connection and its transaction; disposing without <see cref="CommitAsync"/> rolls back. A borrowed scope (a read
/// in the request's shared transaction) leaves both to their owner.
/// </summary>
public sealed class DbScope(NpgsqlConnection connection, NpgsqlTransaction transaction, bool borrowed) : IAsyncDisposable
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    /// <summary>Commits; a request made with an idempotency key records in the same transaction that its work is done.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        if (borrowed)
            throw new InvalidOperationException("A read scope is never committed: writes open their own transaction (HubDb.OpenAsync).");
        if (PendingIdempotency.Current is { } pending)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "update idempotency_keys set committed_at = now() where user_id = @UserId and key = @Key and committed_at is null",
                pending, transaction, cancellationToken: ct));
        }

        await transaction.CommitAsync(ct);
        if (PendingIdempotency.Current is { } done)
            done.Committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (borrowed)
            return;
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
