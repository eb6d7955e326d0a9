using Dapper;
using Hub.Data.Backup;
using Hub.Data.Common;
using Hub.Data.Embedded;
using Hub.Testing;
using Npgsql;
using Xunit;

namespace Hub.Data.Tests.Backup;

public sealed class BackupRestoreTests
{
    private static async Task<Dictionary<string, long>> RowCountsAsync(NpgsqlConnection conn)
    {
        var tables = (await conn.QueryAsync<string>("select tablename from pg_tables where schemaname = 'public' order by tablename")).ToList();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in tables)
            counts[t] = await conn.ExecuteScalarAsync<long>($"select count(*) from \"{t}\"");
        return counts;
    }

    [Fact]
    public async Task BackupThenRestoreIntoAFreshCluster_SameRowCountsSameChainHead_PoliciesIntact()
    {
        // A database with tenants, users, a cooperation and audit events written through the app role.
        var cs = await TestCluster.CreateDatabaseAsync();
        var name = new NpgsqlConnectionStringBuilder(cs).Database!;
        await using var owner = TestCluster.CreateDataSource(cs);
        var data = new TestData(owner);
        var lead = await data.OrganizationAsync();
        await data.CooperationAsync(lead, await data.OrganizationAsync(), await data.OrganizationAsync());
        var (admin, _) = await data.UserAsync(null, platformAdmin: true, (lead, "admin"));
        await using (var app = TestCluster.CreateDataSource(TestCluster.AppConnectionString(cs)))
        {
            using var _ = ActingUser.Use(admin);
            var store = new Hub.Data.Tenancy.OrganizationStore(new HubDb(app));
            for (var i = 0; i < 5; i++)
            {
                var org = new Hub.Core.Tenancy.Organization(Hub.Core.Common.Ids.New(), $"Gesichert {i}", Hub.Core.Tenancy.OrganizationKind.Stadt, null, "06", null, "Beschreibung", DateTimeOffset.UtcNow);
                Assert.True(await store.CreateAsync(org, Hub.Core.Audit.AuditEvent.Create(DateTimeOffset.UtcNow, null, null, "organization", org.Id, "created", after: org) with { ActorUserId = admin }, default));
            }
        }

        Dictionary<string, long> before;
        await using (var conn = await owner.OpenConnectionAsync())
            before = await RowCountsAsync(conn);
        var head = await AuditChain.VerifyAsync(owner, default);
        Assert.True(head.Intact);
        Assert.True(head.Events >= 5);

        var file = Path.Combine(Path.GetTempPath(), $"ikzhub-backup-{Guid.NewGuid():N}.dump");
        var home = Path.Combine(Path.GetTempPath(), "ikzhub-restore-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(home);
        File.SetUnixFileMode(home, (UnixFileMode)0b111_101_101);
        try
        {
            await DatabaseBackup.BackupAsync(cs, file, default);
            Assert.True(new FileInfo(file).Length > 1000);

            await using var fresh = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home, Durable = false, Database = "postgres" });
            var restoredCs = new NpgsqlConnectionStringBuilder(fresh.ConnectionString) { Database = name, Pooling = false }.ConnectionString;
            await DatabaseBackup.RestoreAsync(restoredCs, file, default);

            await using var restored = TestCluster.CreateDataSource(restoredCs);
            await using var conn = await restored.OpenConnectionAsync();
            Assert.Equal(before, await RowCountsAsync(conn));
            var restoredHead = await AuditChain.VerifyAsync(restored, default);
            Assert.True(restoredHead.Intact, restoredHead.Break?.Reason);
            Assert.Equal(head.HeadHash, restoredHead.HeadHash);
            Assert.Equal(head.Events, restoredHead.Events);
            Assert.True(await conn.ExecuteScalarAsync<bool>("select relrowsecurity from pg_class where relname = 'drafts'"));
            Assert.True(await conn.ExecuteScalarAsync<bool>("select has_table_privilege('hub_app', 'drafts', 'select')"));

            // A second restore over the existing database replaces it (the hub's "./hub restore" onto its own cluster).
            await conn.CloseAsync();
            await DatabaseBackup.RestoreAsync(restoredCs, file, default);
            await using var again = new NpgsqlConnection(restoredCs);
            await again.OpenAsync();
            Assert.Equal(before, await RowCountsAsync(again));
        }
        finally
        {
            File.Delete(file);
            if (Directory.Exists(home))
                Directory.Delete(home, recursive: true);
        }
    }
}
