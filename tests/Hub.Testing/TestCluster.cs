using Hub.Data.Common;
using Hub.Data.Embedded;
using Hub.Data.Migrations;
using Npgsql;

namespace Hub.Testing;

/// <summary>
/// One throwaway PostgreSQL cluster per test process (a real server, never a fake), with a template
/// database migrated by the real runner. Each test class clones the template into a fresh database.
/// If PostgreSQL cannot start, every test that needs it fails with the reason.
/// </summary>
public static class TestCluster
{
    public const string TemplateDatabase = "hub_template";

    /// <summary>The password of hub_app, the web application's role, in the test cluster.</summary>
    public const string AppPassword = "HubAppTestPassword2026";

    private static readonly SemaphoreSlim _createLock = new(1, 1);
    private static readonly Lazy<Task<EmbeddedPostgres>> _cluster = new(StartAsync);

    public static async Task<EmbeddedPostgres> GetAsync() => await _cluster.Value;

    /// <summary>A fresh, migrated database (cloned from the template) and its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string? template = TemplateDatabase)
    {
        var cluster = await GetAsync();
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await _createLock.WaitAsync();
        try
        {
            await using var conn = new NpgsqlConnection(AdminConnectionString(cluster));
            await conn.OpenAsync();
            var sql = template is null ? $"create database {name}" : $"create database {name} template {template}";
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        finally
        {
            _createLock.Release();
        }

        return new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = name }.ConnectionString;
    }

    public static NpgsqlDataSource CreateDataSource(string connectionString) => HubDatabase.CreateDataSource(connectionString);

    /// <summary>The same database as <paramref name="ownerConnectionString"/>, signed in as hub_app (bound by row-level security).</summary>
    public static string AppConnectionString(string ownerConnectionString) => AppRole.ConnectionString(ownerConnectionString, AppPassword);

    private static string AdminConnectionString(EmbeddedPostgres cluster) =>
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;

    private static async Task<EmbeddedPostgres> StartAsync()
    {
        var home = Path.Combine(Path.GetTempPath(), "ikzhub-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);
        var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home, Durable = false, Database = "postgres" });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                cluster.StopAsync().GetAwaiter().GetResult();
            }
            finally
            {
                Directory.Delete(home, recursive: true);
            }
        };

        await using (var conn = new NpgsqlConnection(AdminConnectionString(cluster)))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {TemplateDatabase}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        var templateCs = new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { Database = TemplateDatabase, Pooling = false }.ConnectionString;
        await using (var ds = HubDatabase.CreateDataSource(templateCs))
        {
            await new MigrationRunner(ds).ApplyAsync(SchemaScripts.Embedded());
            await AppRole.EnableLoginAsync(ds, AppPassword, CancellationToken.None);
        }

        return cluster;
    }
}
