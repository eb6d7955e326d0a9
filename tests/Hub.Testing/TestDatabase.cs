using Xunit;
using Npgsql;

namespace Hub.Testing;

/// <summary>A class fixture: one fresh migrated database per test class, dropped with the cluster at the end.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public TestData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestCluster.CreateDatabaseAsync();
        DataSource = TestCluster.CreateDataSource(ConnectionString);
        Data = new TestData(DataSource);
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();
}
