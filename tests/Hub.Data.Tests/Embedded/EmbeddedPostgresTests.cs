using System.Diagnostics;
using Hub.Data.Embedded;
using Npgsql;

namespace Hub.Data.Tests.Embedded;

/// <summary>The launcher behind ./hub run: first start, reuse of a running server, recovery after a crash.</summary>
public sealed class EmbeddedPostgresTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "ikzhub-launcher-" + Guid.NewGuid().ToString("N")[..10]);

    public EmbeddedPostgresTests()
    {
        Directory.CreateDirectory(_home);
        File.SetUnixFileMode(_home, (UnixFileMode)0b111_101_101);
    }

    private EmbeddedPostgresOptions Options => new() { Home = _home, Durable = false };

    [Fact]
    public async Task StartAsync_FirstStart_InitialisesClusterAndCreatesDatabase()
    {
        await using var pg = await EmbeddedPostgres.StartAsync(Options);

        Assert.True(pg.StartedByUs);
        Assert.True(File.Exists(Path.Combine(pg.DataDirectory, "PG_VERSION")));
        Assert.Equal("hub", await ScalarAsync<string>(pg.ConnectionString, "select current_database()"));
    }

    [Fact]
    public async Task StartAsync_ServerAlreadyRunning_ReusesItAndKeepsData()
    {
        await using var first = await EmbeddedPostgres.StartAsync(Options);
        await ExecAsync(first.ConnectionString, "create table kept (n int); insert into kept values (42)");

        var second = await EmbeddedPostgres.StartAsync(Options);

        Assert.False(second.StartedByUs);
        Assert.Equal(first.Port, second.Port);
        Assert.Equal(42, await ScalarAsync<int>(second.ConnectionString, "select n from kept"));
        await second.DisposeAsync(); // does not stop a server it did not start
        Assert.Equal(42, await ScalarAsync<int>(first.ConnectionString, "select n from kept"));
    }

    [Fact]
    public async Task StartAsync_AfterStop_StartsAgainWithTheSameData()
    {
        var first = await EmbeddedPostgres.StartAsync(Options);
        await ExecAsync(first.ConnectionString, "create table kept (n int); insert into kept values (7)");
        await first.DisposeAsync();
        Assert.False(File.Exists(Path.Combine(first.DataDirectory, "postmaster.pid")));

        await using var again = await EmbeddedPostgres.StartAsync(Options);

        Assert.True(again.StartedByUs);
        Assert.Equal(7, await ScalarAsync<int>(again.ConnectionString, "select n from kept"));
    }

    [Fact]
    public async Task StartAsync_PostmasterKilled_RecoversAndKeepsCommittedData()
    {
        // Durable like ./hub run: a committed row must survive the crash.
        var options = Options with { Durable = true };
        var first = await EmbeddedPostgres.StartAsync(options);
        await ExecAsync(first.ConnectionString, "create table kept (n int)");
        await ExecAsync(first.ConnectionString, "insert into kept values (1)");
        var pid = first.PostmasterPid() ?? throw new InvalidOperationException("no postmaster pid");
        NpgsqlConnection.ClearAllPools();
        using (var kill = Process.Start("kill", ["-9", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        await WaitForExitAsync(pid);
        Assert.True(File.Exists(Path.Combine(first.DataDirectory, "postmaster.pid")), "a crash leaves the pid file behind");

        await using var recovered = await EmbeddedPostgres.StartAsync(options);

        Assert.True(recovered.StartedByUs);
        Assert.Equal(1, await ScalarAsync<int>(recovered.ConnectionString, "select n from kept"));
    }

    [Fact]
    public async Task StartAsync_StalePidFileOfAnotherProcess_IsIgnored()
    {
        var first = await EmbeddedPostgres.StartAsync(Options);
        var dataDir = first.DataDirectory;
        await first.DisposeAsync();
        // A pid file left by a crash whose pid now belongs to an unrelated process (pid 1 is never postgres here).
        await File.WriteAllTextAsync(Path.Combine(dataDir, "postmaster.pid"), $"1\n{dataDir}\n1700000000\n5999\n\n127.0.0.1\n");

        await using var started = await EmbeddedPostgres.StartAsync(Options);

        Assert.True(started.StartedByUs);
        Assert.Equal(1, await ScalarAsync<int>(started.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task StartAsync_StateFolderClosedToOtherUsers_KeepsTheClusterWherePostgresCanReachIt()
    {
        // A checkout in a folder with mode 700 (root's home, a private temporary folder): the server runs as postgres.
        var closed = Path.Combine(_home, "closed");
        Directory.CreateDirectory(closed);
        File.SetUnixFileMode(closed, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = Options with { Home = Path.Combine(closed, ".hub") };
        var first = await EmbeddedPostgres.StartAsync(options);
        try
        {
            await ExecAsync(first.ConnectionString, "create table kept (n int); insert into kept values (3)");
            if (Environment.UserName == "root")
            {
                Assert.StartsWith(EmbeddedPostgres.OutsideRoot + "/", first.DataDirectory, StringComparison.Ordinal);
                Assert.Equal(first.DataDirectory, (await File.ReadAllTextAsync(Path.Combine(options.Home, "pg-datadir"))).Trim());
            }
            else
            {
                Assert.Equal(Path.Combine(options.Home, "pgdata"), first.DataDirectory);
            }

            await first.DisposeAsync();
            await using var again = await EmbeddedPostgres.StartAsync(options);

            Assert.True(again.StartedByUs);
            Assert.Equal(first.DataDirectory, again.DataDirectory);
            Assert.Equal(3, await ScalarAsync<int>(again.ConnectionString, "select n from kept"));
        }
        finally
        {
            await first.DisposeAsync();
            if (first.DataDirectory.StartsWith(EmbeddedPostgres.OutsideRoot, StringComparison.Ordinal))
                Directory.Delete(Path.GetDirectoryName(first.DataDirectory)!, recursive: true);
        }
    }

    [Fact]
    public void FindBinDirectory_NothingInstalledThere_ExplainsHowToInstall()
    {
        var error = Record.Exception(() => EmbeddedPostgres.FindBinDirectory("/nonexistent/bin"));
        // The configured folder is skipped; either the real installation is found or the message says what to do.
        if (error is not null)
            Assert.Contains("apt-get install", error.Message, StringComparison.Ordinal);
        else
            Assert.True(File.Exists(Path.Combine(EmbeddedPostgres.FindBinDirectory("/nonexistent/bin"), "initdb")));
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        var pidFile = Path.Combine(_home, "pgdata", "postmaster.pid");
        if (File.Exists(pidFile))
        {
            var pgCtl = Path.Combine(EmbeddedPostgres.FindBinDirectory(null), "pg_ctl");
            string[] args = ["-D", Path.Combine(_home, "pgdata"), "-m", "immediate", "stop"];
            using var stop = Environment.UserName == "root"
                ? Process.Start("runuser", ["-u", "postgres", "--", pgCtl, .. args])
                : Process.Start(pgCtl, args);
            stop.WaitForExit();
        }

        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover folder in /tmp does no harm.
        }
    }

    private static async Task WaitForExitAsync(int pid)
    {
        for (var i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++)
            await Task.Delay(100);
    }

    private static async Task ExecAsync(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(string cs, string sql)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
