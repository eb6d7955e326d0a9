using Dapper;
using Hub.Data.Migrations;
using Npgsql;

namespace Hub.Data.Backup;

/// <summary>
/// schema.sql: pg_dump --schema-only of a freshly migrated database, without what changes from run to run (the tool's
/// version lines, the random \restrict key), so the committed file changes exactly when the schema does (ADR 0010).
/// </summary>
public static class SchemaDump
{
    public const string FileName = "schema.sql";

    /// <summary>The normalised schema of the database <paramref name="ownerConnectionString"/> points to.</summary>
    public static async Task<string> DumpAsync(string ownerConnectionString, CancellationToken ct)
    {
        var db = new NpgsqlConnectionStringBuilder(ownerConnectionString).Database!;
        var text = await DatabaseBackup.RunAsync("pg_dump", ownerConnectionString, ["--schema-only", "--no-owner", "--dbname=" + db], ct);
        return Normalize(text);
    }

    /// <summary>A throwaway database in the same cluster, migrated by the real runner, dumped and dropped again.</summary>
    public static async Task<string> DumpFreshAsync(string ownerConnectionString, CancellationToken ct)
    {
        var name = "hub_schema_" + Guid.NewGuid().ToString("N")[..12];
        var admin = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var fresh = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Database = name, Pooling = false }.ConnectionString;
        await using (var conn = new NpgsqlConnection(admin))
            await conn.ExecuteAsync($"create database {name}");
        try
        {
            await using (var ds = Common.HubDatabase.CreateDataSource(fresh))
                await new MigrationRunner(ds).ApplyAsync(SchemaScripts.Embedded(), ct);
            return await DumpAsync(fresh, ct);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(admin);
            await conn.ExecuteAsync($"drop database if exists {name}");
        }
    }

    public static string Normalize(string dump) =>
        string.Join('\n', dump.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !l.StartsWith("\\restrict", StringComparison.Ordinal)
                        && !l.StartsWith("\\unrestrict", StringComparison.Ordinal)
                        && !l.StartsWith("-- Dumped from database version", StringComparison.Ordinal)
                        && !l.StartsWith("-- Dumped by pg_dump version", StringComparison.Ordinal)))
            .TrimEnd('\n') + "\n";
}
