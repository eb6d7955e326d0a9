using Dapper;
using Npgsql;

namespace Hub.Data.Yardstick;

public sealed record Fortune(int Id, string Message);

/// <summary>
/// The benchmark yardstick's read, shaped like TechEmpower's "Fortunes": 12 rows with Dapper on a plain pooled connection
/// (no transaction, no acting user: the catalogue is public).
/// </summary>
public static class Fortunes
{
    private const string Sql = "select id, name as message from catalog_themenfelder order by id limit 12";

    public static async Task<List<Fortune>> ReadAsync(NpgsqlDataSource source, CancellationToken ct)
    {
        await using var conn = await source.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<Fortune>(new CommandDefinition(Sql, cancellationToken: ct))).ToList();
    }
}
