using Hub.Data.Common;
using Hub.Data.Demo;
using Hub.Data.Embedded;
using Hub.Data.Migrations;
using Npgsql;

namespace Hub.Web.Common;

/// <summary>
/// Decides which PostgreSQL the hub talks to (ConnectionStrings:Hub, or the embedded cluster under HUB_HOME),
/// then migrates and loads the demo data as the owner and opens the application's own connections as hub_app
/// (ConnectionStrings:HubApp; the embedded cluster makes that login itself), refusing a role that row-level
/// security would not bind. Runs once at start-up, before the first request.
/// </summary>
public sealed class DatabaseBootstrap(IConfiguration configuration, ILogger<DatabaseBootstrap> logger) : IAsyncDisposable
{
    private EmbeddedPostgres? _embedded;
    private NpgsqlDataSource? _dataSource;
    private NpgsqlDataSource? _appDataSource;
    private string _home = "";

    /// <summary>The owner's connection: migrations, demo data, import commands, psql.</summary>
    public string ConnectionString { get; private set; } = "";

    public bool IsEmbedded => _embedded is not null;

    public bool HasDemoData { get; private set; }

    /// <summary>Migrated and checked: requests may use the database (until then they get 503).</summary>
    public bool IsReady { get; private set; }

    private readonly CancellationTokenSource _stopping = new();

    /// <summary>The owner's data source (migrations, demo, import commands). Not for requests.</summary>
    public NpgsqlDataSource OwnerDataSource => _dataSource ?? throw new InvalidOperationException("The database has not been initialised yet.");

    /// <summary>The application's data source: hub_app, bound by row-level security. Every request uses this one.</summary>
    public NpgsqlDataSource DataSource => _appDataSource ?? throw new InvalidOperationException("The database has not been initialised yet.");

    /// <param name="migrate">Apply the migrations (and load the demo data where configured).</param>
    /// <param name="serve">Open the application's hub_app connections too (not needed by the operator's commands).</param>
    public async Task InitializeAsync(bool migrate, bool serve = true, CancellationToken ct = default)
    {
        var configured = configuration.GetConnectionString("Hub");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var home = configuration["HUB_HOME"] is { Length: > 0 } h ? h : ".hub";
            _home = Path.GetFullPath(home);
            logger.LogInformation("Starting the embedded PostgreSQL under {Home}", Path.GetFullPath(home));
            _embedded = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home }, ct);
            ConnectionString = _embedded.ConnectionString;
            logger.LogInformation("Embedded PostgreSQL on 127.0.0.1:{Port} ({How})", _embedded.Port, _embedded.StartedByUs ? "started" : "reused");
        }
        else
        {
            ConnectionString = configured;
        }

        _dataSource = HubDatabase.CreateDataSource(ConnectionString);
        if (!serve)
        {
            if (migrate)
                await MigrateAndSeedAsync(ct);
            return;
        }

        if (IsEmbedded)
        {
            // Our own cluster: migrate first (that creates hub_app), then give hub_app its login.
            if (migrate)
                await MigrateAndSeedAsync(ct);
            _appDataSource = HubDatabase.CreateAppDataSource(await AppConnectionStringAsync(ct));
            await ReadyAsync(migrate: false, ct);
            return;
        }

        _appDataSource = HubDatabase.CreateAppDataSource(await AppConnectionStringAsync(ct));
        try
        {
            await ReadyAsync(migrate, ct);
        }
        catch (Exception e) when (DatabaseOutageMiddleware.IsDatabaseDown(e))
        {
            // Your own PostgreSQL is not up yet: serve 503 (and /healthz says why) and keep trying in the background.
            logger.LogWarning("PostgreSQL is not reachable ({Error}); the hub answers 503 until it is", e.Message);
            _ = Task.Run(() => RetryUntilReadyAsync(migrate), CancellationToken.None);
        }
    }

    private async Task ReadyAsync(bool migrate, CancellationToken ct)
    {
        if (migrate)
            await MigrateAndSeedAsync(ct);
        await AppRole.VerifyAsync(DataSource, ct);
        IsReady = true;
    }

    private async Task RetryUntilReadyAsync(bool migrate)
    {
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(2), _stopping.Token);
                await ReadyAsync(migrate, _stopping.Token);
                logger.LogInformation("PostgreSQL is reachable: the hub is ready");
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e) when (DatabaseOutageMiddleware.IsDatabaseDown(e))
            {
                logger.LogDebug("PostgreSQL still not reachable: {Error}", e.Message);
            }
        }
    }

    private async Task<string> AppConnectionStringAsync(CancellationToken ct)
    {
        if (configuration.GetConnectionString("HubApp") is { Length: > 0 } configured)
            return configured;
        if (!IsEmbedded)
        {
            throw new InvalidOperationException(
                "ConnectionStrings:HubApp is missing: with your own PostgreSQL (ConnectionStrings:Hub, the owner), give the web application " +
                $"a login that is a member of {AppRole.Name} (created by the migrations), e.g. 'create role hub_web login password … in role {AppRole.Name}'.");
        }

        // The embedded cluster is ours: hub_app signs in with a password kept beside the cluster's own.
        var file = Path.Combine(_home, "app-password");
        if (!File.Exists(file))
        {
            await File.WriteAllTextAsync(file, Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)), ct);
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var password = (await File.ReadAllTextAsync(file, ct)).Trim();
        await AppRole.EnableLoginAsync(OwnerDataSource, password, ct);
        return AppRole.ConnectionString(ConnectionString, password);
    }

    private async Task MigrateAndSeedAsync(CancellationToken ct)
    {
        var applied = await new MigrationRunner(OwnerDataSource).ApplyAsync(SchemaScripts.Embedded(), ct);
        foreach (var file in applied)
            logger.LogInformation("Applied migration {File}", file);

        var demo = configuration["HUB_DEMO"] is { } flag ? flag is "1" or "true" : IsEmbedded;
        HasDemoData = demo;
        if (!demo)
            return;
        if (await new DemoSeeder(OwnerDataSource, new Hub.Data.Accounts.IdentityPasswordHasher()).SeedAsync(ct))
            logger.LogInformation("Loaded the demo organizations, cooperations and users");
        var owner = new HubDb(OwnerDataSource);
        await new DemoDrafts(owner, new MarkdownRenderer()).SeedAsync(ct);
        if (configuration["Hub:Demo:ReferenceData"] is { Length: > 0 } reference)
            await DemoReference.LoadAsync(owner, Path.GetFullPath(reference), logger, ct);
    }

    /// <summary>The container disposes this singleton when the host stops: the embedded cluster stops with the hub.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_appDataSource is not null)
            await _appDataSource.DisposeAsync();
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        _appDataSource = null;
        _dataSource = null;
        if (_embedded is not null)
        {
            // Only a server this process started is stopped; one it found running (./hub run beside a command) stays up.
            if (_embedded.StartedByUs)
                logger.LogInformation("Stopping the embedded PostgreSQL");
            await _embedded.DisposeAsync();
        }

        _embedded = null;
    }
}
