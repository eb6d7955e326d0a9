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

/// <summary>One connection and its transaction; disposing without <see cref="NpgsqlTransaction.CommitAsync"/> rolls back.</summary>
public sealed class DbScope(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
