using Dapper;
using Hub.Core.Progress;
using Hub.Data.Common;
using Hub.Data.Embedded;
using Hub.Data.Migrations;
using Hub.Data.Progress;
using Hub.Testing;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Hub.Web.Tests.Performance;

/// <summary>
/// Correctness is not traded for speed: on the generated <c>hessen</c> data set (<c>./hub bench seed</c>, which loads the
/// status rows and adoptions with the counters' triggers off and then rebuilds them), every maintained counter equals a
/// fresh count, and the organization, cooperation and Land dashboards show what the rows say. Seeds the data set when it
/// is missing or its schema is older than the migrations.
/// </summary>
[Collection(BenchRunsAlone.Name)]
[Trait("Speed", "Slow")]
public sealed class GeneratedDataFiguresTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Dashboards_OnTheGeneratedDataSet_EqualAFreshCount()
    {
        await using var cluster = await StartAsync();
        await using var owner = HubDatabase.CreateDataSource(new NpgsqlConnectionStringBuilder(cluster.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await using var conn = await owner.OpenConnectionAsync();
        Assert.True(await conn.ExecuteScalarAsync<long>("select count(*) from implementation_status") > 100_000, "the hessen data set looks empty");

        foreach (var (name, truth, counters) in CounterTruth.All)
        {
            var expected = (await conn.QueryAsync<string>(truth)).ToList();
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(await conn.QueryAsync<string>(counters)), $"{name}: the counters differ from a fresh count");
        }

        var store = new ProgressStore(new HubDb(owner));
        var figures = (await conn.QueryAsync<string>(CounterTruth.OrganizationTruth)).ToHashSet();
        var cooperations = (await conn.QueryAsync<Guid>("select id from cooperations order by id")).ToList();
        Assert.NotEmpty(cooperations);
        foreach (var id in cooperations)
        {
            var cooperation = (await store.CooperationAsync(id, default))!;
            foreach (var m in cooperation.Members)
                Assert.Contains($"{m.OrganizationId}={m.Responsible},{m.Live},{m.InProgress},{m.NoSolution}", figures);
            Assert.Equal(await conn.ExecuteScalarAsync<int>("select count(*) from cooperation_members where cooperation_id = @id", new { id }), cooperation.Members.Count);
            var drafts = await conn.QueryAsync<(string, int)>("select status, count(*)::int from drafts where cooperation_id = @id group by status order by status", new { id });
            Assert.Equal(drafts, cooperation.Drafts);
            var outside = await conn.QuerySingleAsync<(int, int)>("""
                select count(*)::int, count(*) filter (where a.status = 'live')::int
                from adoptions a join releases rl on rl.id = a.release_id
                where rl.cooperation_id = @id and a.status <> 'dropped'
                  and a.organization_id not in (select organization_id from cooperation_members where cooperation_id = @id)
                """, new { id });
            Assert.Equal(outside, (cooperation.OutsideAdopters, cooperation.OutsideLive));
        }

        var organizations = (await conn.QueryAsync<Guid>("select organization_id from implementation_status group by 1 order by 1 limit 25")).ToList();
        foreach (var id in organizations)
        {
            var organization = await store.OrganizationAsync(id, default);
            var expected = await conn.QuerySingleAsync<(int, int, int)>($"""
                select count(*) filter (where r)::int, count(*) filter (where r and st = 'live')::int, count(*) filter (where r and st = 'in_progress')::int
                from (select coalesce(i.responsible, {CounterTruth.IsMunicipal}) as r, coalesce(i.status, 'not_started') as st
                      from catalog_services s left join implementation_status i on i.organization_id = @id and i.ozg_id = s.ozg_id) x
                """, new { id });
            Assert.Equal(expected, (organization.Responsible, organization.Count(ImplementationState.Live), organization.Count(ImplementationState.InProgress)));
            var adoptions = await conn.QuerySingleAsync<(int, int)>(
                "select count(*) filter (where status <> 'dropped')::int, count(*) filter (where status = 'live')::int from adoptions where organization_id = @id", new { id });
            Assert.Equal(adoptions, (organization.Adoptions, organization.AdoptionsLive));
        }

        var state = await store.StateAsync("06", default);
        var live = (await conn.QueryAsync<(string, int)>("""
            select s.ozg_id, count(i.ozg_id)::int
            from catalog_services s
            left join (implementation_status i join organizations o on o.id = i.organization_id
                       and o.land_code = '06' and progress_live_municipal(o.kind))
                   on i.ozg_id = s.ozg_id and i.status = 'live'
            group by s.ozg_id
            """)).ToDictionary(r => r.Item1, r => r.Item2);
        Assert.True(live.Values.Sum() > 1000, "the generated Umsetzungsstand should have live rows");
        Assert.Equal(live, state.Services.ToDictionary(s => s.OzgId, s => s.LiveMunicipalities));
        Assert.Equal(await conn.ExecuteScalarAsync<int>("select count(*) from organizations where land_code = '06' and progress_live_municipal(kind)"),
            state.Municipalities);
        output.WriteLine($"{CounterTruth.All.Count} counters, {cooperations.Count} cooperations, {organizations.Count} organizations and Land 06 checked");
    }

    /// <summary>The hessen cluster with the current migrations; (re)seeded first when missing or outdated.</summary>
    private async Task<EmbeddedPostgres> StartAsync()
    {
        var home = Path.Combine(Repository.Root, ".bench", "hessen");
        for (var attempt = 0; ; attempt++)
        {
            if (attempt > 0 || !File.Exists(Path.Combine(home, "app-password")))
            {
                var seed = await BenchCommand.RunAsync(TimeSpan.FromMinutes(5), "seed", "--scale", "hessen");
                output.WriteLine(seed.Stdout);
                Assert.True(seed.ExitCode == 0, $"bench seed exited with {seed.ExitCode}:\n{seed.Stderr}");
            }

            var cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = home, Durable = false });
            try
            {
                await using var owner = HubDatabase.CreateDataSource(cluster.ConnectionString);
                await new MigrationRunner(owner).ApplyAsync(SchemaScripts.Embedded());
                return cluster;
            }
            catch (MigrationException) when (attempt == 0)
            {
                await cluster.DisposeAsync(); // an older schema: seed again
            }
        }
    }
}
