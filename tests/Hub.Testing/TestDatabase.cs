using Xunit;
using Npgsql;

namespace Hub.Testing;

/// <summary>A class fixture: one fresh migrated database per test class, dropped with the cluster at the end.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    /// <summary>The owner: bypasses row-level security (arranging test data, checking what was written).</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The owner's stores' way in.</summary>
    public Hub.Data.Common.HubDb Db { get; private set; } = null!;

    /// <summary>hub_app, as the web application connects: row-level security applies to the <see cref="Hub.Data.Common.ActingUser"/>.</summary>
    public NpgsqlDataSource AppDataSource { get; private set; } = null!;

    public Hub.Data.Common.HubDb AppDb { get; private set; } = null!;

    public TestData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestCluster.CreateDatabaseAsync();
        DataSource = TestCluster.CreateDataSource(ConnectionString);
        Db = new Hub.Data.Common.HubDb(DataSource);
        AppDataSource = Hub.Data.Common.HubDatabase.CreateAppDataSource(TestCluster.AppConnectionString(ConnectionString));
        AppDb = new Hub.Data.Common.HubDb(AppDataSource);
        Data = new TestData(DataSource);
    }

    public async Task DisposeAsync()
    {
        await AppDataSource.DisposeAsync();
        await DataSource.DisposeAsync();
    }
}
