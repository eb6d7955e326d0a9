using Dapper;
using Npgsql;

namespace Hub.Data.Common;

/// <summary>
/// Every store's way into PostgreSQL: a connection with a transaction in which the acting user is set for row-level
/// security (<c>set_config('hub.user_id', …, true)</c>: for this transaction only, never the pooled session).
/// Reads simply let the transaction end with the scope; writes commit it.
/// </summary>
public sealed class HubDb(NpgsqlDataSource source)
{
    public NpgsqlDataSource Source => source;

    public async Task<DbScope> OpenAsync(CancellationToken ct)
    {
        var conn = await source.OpenConnectionAsync(ct);
        try
        {
            var tx = await conn.BeginTransactionAsync(ct);
            if (ActingUser.Current is { } userId)
                await conn.ExecuteAsync(new CommandDefinition("select set_config('hub.user_id', @id, true)", new { id = userId.ToString() }, tx, cancellationToken: ct));
            return new DbScope(conn, tx);
        }
        catch
        {
            await conn.DisposeAsync();
            throw;
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

/// <summary>One connection and its transaction; disposing without <see cref="NpgsqlTransaction.CommitAsync"/> rolls back.</summary>
public sealed class DbScope(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    /// <summary>Commits; a request made with an idempotency key records in the same transaction that its work is done.</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
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
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
