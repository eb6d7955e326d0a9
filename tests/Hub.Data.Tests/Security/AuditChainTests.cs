using Dapper;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Data.Common;
using Hub.Data.Tenancy;
using Hub.Testing;
using Npgsql;
using Xunit;

namespace Hub.Data.Tests.Security;

/// <summary>The audit trail is append-only and hash-chained; each test gets its own database because some break the chain on purpose.</summary>
public sealed class AuditChainTests
{
    private static async Task<(NpgsqlDataSource Owner, NpgsqlDataSource App)> FreshAsync()
    {
        var cs = await TestCluster.CreateDatabaseAsync();
        return (TestCluster.CreateDataSource(cs), TestCluster.CreateDataSource(TestCluster.AppConnectionString(cs)));
    }

    /// <summary>Organizations created as a platform admin through the app role, in parallel: each writes one audit event.</summary>
    private static async Task<int> WriteEventsAsync(NpgsqlDataSource owner, NpgsqlDataSource app, int count)
    {
        var (admin, _) = await new TestData(owner).UserAsync(null, platformAdmin: true);
        var store = new OrganizationStore(new HubDb(app));
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var _ = ActingUser.Use(admin);
            var org = new Hub.Core.Tenancy.Organization(Ids.New(), $"Kette {i} {Guid.NewGuid():N}", Hub.Core.Tenancy.OrganizationKind.Gemeinde, null, "06", null, null, DateTimeOffset.UtcNow);
            var created = await store.CreateAsync(org, new AuditEvent(Ids.New(), DateTimeOffset.UtcNow, admin, null, "organization", org.Id, "created", null, $"{{\"i\":{i}}}"), ct);
            Assert.True(created);
        });
        return count;
    }

    [Fact]
    public async Task Verify_ParallelWriters_GiveOneGaplessIntactChain()
    {
        var (owner, app) = await FreshAsync();
        await using var _ = owner;
        await using var __ = app;
        var written = await WriteEventsAsync(owner, app, 40);

        var report = await AuditChain.VerifyAsync(owner, default);
        Assert.True(report.Intact, report.Break?.Reason);
        Assert.Equal(written, report.Events);
        await using var conn = await owner.OpenConnectionAsync();
        Assert.Equal(Convert.FromHexString(report.HeadHash), await conn.QuerySingleAsync<byte[]>("select hash from audit_events order by seq desc limit 1"));
        Assert.Equal((long)written, await conn.QuerySingleAsync<long>("select max(seq) from audit_events"));
    }

    /// <summary>Ten events, then the owner switches the guard off, tampers with <paramref name="sql"/>, switches it on again.</summary>
    private static async Task<AuditChainReport> TamperedAsync(string sql)
    {
        var (owner, app) = await FreshAsync();
        await using var _ = owner;
        await using var __ = app;
        await WriteEventsAsync(owner, app, 10);
        await using (var conn = await owner.OpenConnectionAsync())
        {
            await conn.ExecuteAsync($"""
                alter table audit_events disable trigger trg_audit_events_no_update;
                {sql};
                alter table audit_events enable trigger trg_audit_events_no_update;
                """);
        }

        return await AuditChain.VerifyAsync(owner, default);
    }

    [Fact]
    public async Task Verify_AChangedEvent_IsNamedAsTheFirstBroken()
    {
        var report = await TamperedAsync("update audit_events set after = '{\"i\": 999}' where seq = 4");

        Assert.False(report.Intact);
        Assert.Equal(4, report.Break!.Seq);
        Assert.Equal(3, report.Events);
        Assert.Contains("content", report.Break.Reason);
    }

    [Fact]
    public async Task Verify_ADeletedEvent_IsNamed()
    {
        var report = await TamperedAsync("delete from audit_events where seq = 7");

        Assert.Equal(8, report.Break!.Seq);
        Assert.Contains("missing", report.Break.Reason);
    }

    [Fact]
    public async Task Triggers_RefuseUpdateDeleteTruncate_EvenForTheOwner()
    {
        var (owner, app) = await FreshAsync();
        await using var _ = owner;
        await using var __ = app;
        await WriteEventsAsync(owner, app, 3);
        await using var conn = await owner.OpenConnectionAsync();
        foreach (var sql in new[] { "update audit_events set action = 'x'", "delete from audit_events", "truncate audit_events" })
        {
            var e = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync(sql));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }

        Assert.Equal(3L, await conn.QuerySingleAsync<long>("select count(*) from audit_events"));
        Assert.True((await AuditChain.VerifyAsync(owner, default)).Intact);

        // An event is linked when its transaction commits (0028); before that its link is empty, and not even the owner
        // may fill it in by hand.
        var id = Ids.New();
        await using (var tx = await conn.BeginTransactionAsync())
        {
            await conn.ExecuteAsync("insert into audit_events (id, occurred_at, entity_type, entity_id, action) values (@id, now(), 'test', @id, 'tested')", new { id }, tx);
            Assert.Null(await conn.QuerySingleAsync<long?>("select seq from audit_events where id = @id", new { id }, tx));
            var e = await Assert.ThrowsAsync<PostgresException>(() => conn.ExecuteAsync("update audit_events set seq = 99 where id = @id", new { id }, tx));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, e.SqlState);
        }

        await conn.ExecuteAsync("insert into audit_events (id, occurred_at, entity_type, entity_id, action) values (@id, now(), 'test', @id, 'tested')", new { id });
        Assert.Equal(4L, await conn.QuerySingleAsync<long?>("select seq from audit_events where id = @id", new { id }));
        Assert.True((await AuditChain.VerifyAsync(owner, default)).Intact);
    }
}
