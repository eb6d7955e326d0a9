using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace Hub.Data.Embedded;

public sealed record EmbeddedPostgresOptions
{
    /// <summary>
    /// The state folder: the cluster lives in pgdata/ below it, with its port and password beside — or, when the hub runs
    /// as root in a folder the postgres system user cannot enter, under <see cref="EmbeddedPostgres.OutsideRoot"/>.
    /// </summary>
    public required string Home { get; init; }

    public string Database { get; init; } = "hub";

    /// <summary>Throwaway clusters for tests trade durability (fsync) for speed.</summary>
    public bool Durable { get; init; } = true;

    public string? BinDirectory { get; init; }
}

/// <summary>
/// A private PostgreSQL cluster under a folder of ours: initdb on first start, reuse of a running
/// server, recovery from a stale postmaster.pid after a crash, stop on dispose when we started it.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string SuperUser = "hub";
    private static readonly TimeSpan _toolTimeout = TimeSpan.FromSeconds(120);

    private readonly EmbeddedPostgresOptions _options;
    private readonly string _bin;

    private EmbeddedPostgres(EmbeddedPostgresOptions options, string bin)
    {
        _options = options;
        _bin = bin;
    }

    /// <summary>Where clusters go whose state folder the postgres system user cannot reach (a checkout under /root, a 700 folder).</summary>
    public const string OutsideRoot = "/var/lib/ikzhub/clusters";

    /// <summary>The cluster's data directory: pgdata/ in the state folder, or the place recorded in its pg-datadir file.</summary>
    public string DataDirectory { get; private set; } = "";

    private string DataDirectoryFile => Path.Combine(_options.Home, "pg-datadir");

    public int Port { get; private set; }

    public bool StartedByUs { get; private set; }

    public string ConnectionString { get; private set; } = "";

    public string LogFile => Path.Combine(DataDirectory, "server.log");

    private string PortFile => Path.Combine(_options.Home, "pg-port");

    private string PasswordFile => Path.Combine(_options.Home, "pg-password");

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct = default)
    {
        var home = Path.GetFullPath(options.Home);
        var pg = new EmbeddedPostgres(options with { Home = home }, FindBinDirectory(options.BinDirectory));
        await pg.StartCoreAsync(ct);
        return pg;
    }

    public static string FindBinDirectory(string? configured)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrEmpty(configured))
            candidates.Add(configured);
        if (Environment.GetEnvironmentVariable("HUB_PG_BIN") is { Length: > 0 } fromEnv)
            candidates.Add(fromEnv);
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }

        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin. " +
                "Install them with 'apt-get install -y postgresql' (./hub does this for you) or set HUB_PG_BIN.");
    }

    private async Task StartCoreAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(_options.Home);
        DataDirectory = await ChooseDataDirectoryAsync();
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            await InitAsync();

        var password = (await File.ReadAllTextAsync(PasswordFile, ct)).Trim();
        var runningPort = RunningPort();
        if (runningPort is { } port)
        {
            Port = port;
            StartedByUs = false;
        }
        else
        {
            Port = ChoosePort();
            await StartServerAsync();
            StartedByUs = true;
        }

        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = SuperUser,
            Password = password,
            Database = _options.Database,
        }.ConnectionString;
        try
        {
            await EnsureDatabaseAsync(ct);
        }
        catch (PostgresException e) when (!StartedByUs && e.SqlState == PostgresErrorCodes.CannotConnectNow)
        {
            // The server we found was on its way down (a hub stopping as we start): wait until it is gone, then start ours.
            for (var waited = 0; RunningPort() is not null && waited < 300; waited++)
                await Task.Delay(100, ct);
            await StartCoreAsync(ct);
        }
    }

    /// <summary>
    /// pgdata/ in the state folder where the server can reach it. Running as root in a folder closed to other users, the
    /// server (which runs as postgres) cannot: the cluster then lives under <see cref="OutsideRoot"/> in a folder named by
    /// a hash of the state folder's path, and pg-datadir in the state folder records where, so every later start finds it.
    /// </summary>
    private async Task<string> ChooseDataDirectoryAsync()
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(_options.Home)))[..16];
        var outside = Path.Combine(OutsideRoot, hash, "pgdata");
        if (File.Exists(DataDirectoryFile) && (await File.ReadAllTextAsync(DataDirectoryFile)).Trim() is { Length: > 0 } recorded)
        {
            // Only the one place this state folder's cluster may be: a copied or edited file must not point the hub (root)
            // at another folder, which it would initialise, and so empty, when it holds no cluster.
            return recorded == outside ? recorded : throw new InvalidOperationException(
                $"{DataDirectoryFile} names {recorded}, but this state folder's cluster can only be {outside}. Remove the file or the state folder.");
        }

        var inside = Path.Combine(_options.Home, "pgdata");
        if (File.Exists(Path.Combine(inside, "PG_VERSION")) || !ProcessRunner.IsRoot || await PostgresCanEnterAsync(_options.Home))
            return inside;
        await File.WriteAllTextAsync(DataDirectoryFile, outside + "\n");
        return outside;
    }

    private static async Task<bool> PostgresCanEnterAsync(string folder) =>
        (await ProcessRunner.RunAsync("/usr/bin/test", ["-x", folder], _toolTimeout)).ExitCode == 0;

    private async Task InitAsync()
    {
        if (Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
        // The parent (the state folder, or a root-owned folder open for traversal under OutsideRoot) also holds initdb's
        // password file for a moment; only the data directory itself belongs to postgres.
        var parent = Path.GetDirectoryName(DataDirectory)!;
        if (!Directory.Exists(parent))
            Directory.CreateDirectory(parent, (UnixFileMode)0b111_101_101);
        Directory.CreateDirectory(DataDirectory);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await File.WriteAllTextAsync(PasswordFile, password);
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var pwFile = Path.Combine(parent, "initdb-password");
        await File.WriteAllTextAsync(pwFile, password);
        File.SetUnixFileMode(pwFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (ProcessRunner.IsRoot)
        {
            await ChownToPostgresAsync(DataDirectory);
            await ChownToPostgresAsync(pwFile);
            await EnsurePostgresCanReachAsync();
        }

        try
        {
            var (code, output) = await ProcessRunner.RunAsync(Path.Combine(_bin, "initdb"),
            [
                "-D", DataDirectory, "-U", SuperUser, "--auth=scram-sha-256", "--pwfile=" + pwFile,
                "-E", "UTF8", "--locale=C.UTF-8", "--locale-provider=icu", "--icu-locale=de-DE",
            ], _toolTimeout);
            if (code != 0)
                throw new InvalidOperationException($"initdb failed ({code}):\n{output}");
        }
        finally
        {
            File.Delete(pwFile);
        }

        var settings = new List<string>
        {
            "listen_addresses = '127.0.0.1'",
            "unix_socket_directories = ''",
            "max_connections = 200",
            "shared_buffers = 256MB",
            "logging_collector = off",
        };
        if (!_options.Durable)
            settings.AddRange(["fsync = off", "synchronous_commit = off", "full_page_writes = off"]);
        await File.AppendAllLinesAsync(Path.Combine(DataDirectory, "postgresql.conf"),
            ["", "# IKZ Hub embedded cluster", .. settings]);
    }

    /// <summary>The port of a server that is really running on our data directory, or null (and a stale pid file removed).</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
            return null;
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length >= 4
            && int.TryParse(lines[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
            && IsPostgresProcess(pid)
            && int.TryParse(lines[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            && CanConnect(port))
        {
            return port;
        }

        // A crash left the file behind (or its pid now belongs to another process): the server is not running.
        File.Delete(pidFile);
        return null;
    }

    private static bool IsPostgresProcess(int pid)
    {
        try
        {
            var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
            return cmdline.Contains("postgres", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool CanConnect(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private int ChoosePort()
    {
        if (File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), CultureInfo.InvariantCulture, out var saved) && !CanConnect(saved))
            return saved;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        File.WriteAllText(PortFile, port.ToString(CultureInfo.InvariantCulture));
        return port;
    }

    private async Task StartServerAsync()
    {
        // Backends orphaned by a killed postmaster may hold the shared memory for a moment; retry briefly.
        for (var attempt = 1; ; attempt++)
        {
            var (code, output) = await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"),
                ["-D", DataDirectory, "-l", LogFile, "-o", $"-p {Port}", "-w", "-t", "60", "start"], _toolTimeout);
            if (code == 0)
                return;
            if (attempt >= 5)
                throw new InvalidOperationException($"PostgreSQL did not start (pg_ctl exit {code}):\n{output}\n{TailOfLog()}");
            await Task.Delay(TimeSpan.FromSeconds(attempt));
            RunningPort();
        }
    }

    private string TailOfLog()
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogFile).TakeLast(20));
        }
        catch (IOException)
        {
            return "(no server log)";
        }
        catch (UnauthorizedAccessException)
        {
            return "(server log not readable)";
        }
    }

    private async Task EnsureDatabaseAsync(CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = @name", conn);
        exists.Parameters.AddWithValue("name", _options.Database);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{_options.Database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var (code, output) = await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], _toolTimeout);
        if (code != 0 && !output.Contains("Is server running?", StringComparison.Ordinal))
            throw new InvalidOperationException($"pg_ctl stop failed ({code}):\n{output}");
    }

    /// <summary>pg_ctl restart -m fast: every connection is cut, the server is back on the same port.</summary>
    public async Task RestartFastAsync()
    {
        var (code, output) = await ProcessRunner.RunAsync(Path.Combine(_bin, "pg_ctl"),
            ["-D", DataDirectory, "-l", LogFile, "-m", "fast", "-w", "-t", "60", "restart"], _toolTimeout);
        if (code != 0)
            throw new InvalidOperationException($"pg_ctl restart failed ({code}):\n{output}");
    }

    /// <summary>SIGKILL to the postmaster, as a crash would: no shutdown, a stale pid file, backends left to die.</summary>
    public void KillPostmaster()
    {
        if (PostmasterPid() is { } pid)
            System.Diagnostics.Process.GetProcessById(pid).Kill();
    }

    /// <summary>Starts the server again after a stop or a crash (stale pid file recovered, the same port as before).</summary>
    public Task StartAgainAsync(CancellationToken ct = default) => StartCoreAsync(ct);

    /// <summary>The postmaster's process id, or null when it is not running.</summary>
    public int? PostmasterPid()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    public async ValueTask DisposeAsync()
    {
        if (StartedByUs)
            await StopAsync();
    }

    private async Task EnsurePostgresCanReachAsync()
    {
        var (code, _) = await ProcessRunner.RunAsync("/usr/bin/test", ["-w", DataDirectory], _toolTimeout);
        if (code != 0)
            throw new InvalidOperationException(
                $"The postgres system user cannot reach {DataDirectory} (a parent folder is closed to other users). " +
                $"Set HUB_HOME to a folder under /var/tmp or /srv, or open the parent folders with chmod o+x (or remove {DataDirectoryFile}).");
    }

    private static async Task ChownToPostgresAsync(string path)
    {
        using var process = System.Diagnostics.Process.Start("chown", ["-R", "postgres:postgres", path]);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"chown postgres {path} failed.");
    }
}
