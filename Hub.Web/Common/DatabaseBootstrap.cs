using Hub.Data.Common;
using Hub.Data.Demo;
using Hub.Data.Embedded;
using Hub.Data.Migrations;
using Npgsql;

namespace Hub.Web.Common;

/// <summary>
/// Decides which PostgreSQL the hub talks to (ConnectionStrings:Hub, or the embedded cluster under HUB_HOME),
/// then migrates and loads the demo data. Runs once at start-up, before the first request.
/// </summary>
public sealed class DatabaseBootstrap(IConfiguration configuration, ILogger<DatabaseBootstrap> logger) : IAsyncDisposable
{
    private EmbeddedPostgres? _embedded;
    private NpgsqlDataSource? _dataSource;

    public string ConnectionString { get; private set; } = "";

    public bool IsEmbedded => _embedded is not null;

    public bool HasDemoData { get; private set; }

    public NpgsqlDataSource DataSource => _dataSource ?? throw new InvalidOperationException("The database has not been initialised yet.");

    public async Task InitializeAsync(bool migrate, CancellationToken ct = default)
    {
        var configured = configuration.GetConnectionString("Hub");
        if (string.IsNullOrWhiteSpace(configured))
        {
            var home = configuration["HUB_HOME"] is { Length: > 0 } h ? h : ".hub";
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
        if (!migrate)
            return;

        var applied = await new MigrationRunner(_dataSource).ApplyAsync(Migration.Embedded(), ct);
        foreach (var file in applied)
            logger.LogInformation("Applied migration {File}", file);

        var demo = configuration["HUB_DEMO"] is { } flag ? flag is "1" or "true" : IsEmbedded;
        HasDemoData = demo;
        if (!demo)
            return;
        if (await new DemoSeeder(_dataSource, new Hub.Data.Accounts.IdentityPasswordHasher()).SeedAsync(ct))
            logger.LogInformation("Loaded the demo organizations, cooperations and users");
        await new DemoDrafts(_dataSource, new MarkdownRenderer()).SeedAsync(ct);
        if (configuration["Hub:Demo:ReferenceData"] is { Length: > 0 } reference)
            await DemoReference.LoadAsync(_dataSource, Path.GetFullPath(reference), logger, ct);
    }

    /// <summary>The container disposes this singleton when the host stops: the embedded cluster stops with the hub.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
            await _dataSource.DisposeAsync();
        _dataSource = null;
        if (_embedded is not null)
        {
            logger.LogInformation("Stopping the embedded PostgreSQL");
            await _embedded.DisposeAsync();
        }

        _embedded = null;
    }
}
