using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hub.Data.Common;
using Hub.Data.Embedded;
using Npgsql;

namespace Hub.Data.Backup;

/// <summary>
/// <c>./hub backup FILE</c> and <c>./hub restore FILE</c>: pg_dump's custom format of the hub's database, and pg_restore
/// of it (the database is dropped and recreated with its original settings). Roles live outside a database, so the
/// restore makes sure hub_app exists first.
/// </summary>
public static class DatabaseBackup
{
    private static readonly TimeSpan _timeout = TimeSpan.FromMinutes(30);

    public static async Task BackupAsync(string ownerConnectionString, string file, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var db = new NpgsqlConnectionStringBuilder(ownerConnectionString).Database!;
        await RunAsync("pg_dump", ownerConnectionString, ["--format=custom", "--file=" + target, "--dbname=" + db], ct);
    }

    public static async Task RestoreAsync(string ownerConnectionString, string file, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
            throw new FileNotFoundException($"No backup at {source}.", source);
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var name = builder.Database!;
        var admin = new NpgsqlConnectionStringBuilder(ownerConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        NpgsqlConnection.ClearAllPools();
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync(ct);
            await conn.ExecuteAsync($"""
                do $$ begin
                    if not exists (select 1 from pg_roles where rolname = '{AppRole.Name}') then
                        create role {AppRole.Name} nologin nosuperuser nobypassrls nocreatedb nocreaterole;
                    end if;
                end $$;
                """);
            await conn.ExecuteAsync("select pg_terminate_backend(pid) from pg_stat_activity where datname = @name and pid <> pg_backend_pid()", new { name });
            await conn.ExecuteAsync($"drop database if exists {Quote(name)}");
        }

        // --create recreates the database as it was dumped (encoding, ICU collation) under the name it had then;
        // the dump's name is the hub's own name here, because backups come from ./hub backup of the same setup.
        await RunAsync("pg_restore", admin, ["--create", "--exit-on-error", "--dbname=postgres", source], ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static async Task<string> RunAsync(string tool, string connectionString, IEnumerable<string> args, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var info = new ProcessStartInfo(Path.Combine(EmbeddedPostgres.FindBinDirectory(null), tool))
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        info.Environment["PGHOST"] = cs.Host;
        info.Environment["PGPORT"] = cs.Port.ToString(CultureInfo.InvariantCulture);
        info.Environment["PGUSER"] = cs.Username;
        info.Environment["PGPASSWORD"] = cs.Password;
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stderr = process.StandardError.ReadToEndAsync(ct);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        return await stdout;
    }
}
