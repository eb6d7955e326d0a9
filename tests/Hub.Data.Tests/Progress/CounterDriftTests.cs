using Dapper;
using Hub.Data.Common;
using Hub.Testing;
using Npgsql;
using Xunit;

namespace Hub.Data.Tests.Progress;

/// <summary>
/// The dashboards' maintained counters (0013 live status per Kreis, 0015 adoptions per release and month, 0025 status
/// figures per organization) never drift from a fresh count: random single and bulk writes, upserts, deletes,
/// rolled-back transactions, organizations moving Kreis, Land or kind, catalogue changes of which services are
/// municipal, from parallel connections, some through the web app's role; afterwards counters = truth, row for row.
/// </summary>
public sealed class CounterDriftTests
{
    private static readonly string[] _statuses = ["not_started", "planned", "in_progress", "live", "no_solution"];
    private static readonly string[] _adoptionStatuses = ["planned", "in_progress", "live", "dropped"];

    [Fact]
    public async Task Counters_AfterRandomParallelWork_EqualAFreshCount()
    {
        var cs = await TestCluster.CreateDatabaseAsync();
        await using var owner = TestCluster.CreateDataSource(cs);
        await using var app = TestCluster.CreateDataSource(TestCluster.AppConnectionString(cs));
        var data = new TestData(owner);
        var orgs = new List<Guid>();
        for (var i = 0; i < 12; i++)
            orgs.Add(await data.OrganizationAsync(kind: i % 5 == 4 ? "landkreis" : "gemeinde", land: i % 3 == 0 ? "07" : "06"));
        string[] kreise = ["06431", "06432", "07111", "07112"];
        var (editor, _) = await data.UserAsync(null, false, orgs.Select(o => (o, "editor")).ToArray());
        var coop = await data.CooperationAsync(orgs[0], orgs[1], orgs[2]);
        await using var conn = await owner.OpenConnectionAsync();
        await conn.ExecuteAsync("update organizations set kreis_code = (array['06431', '06432', '07111', null])[1 + (abs(hashtext(id::text)) % 4)] where id = any(@orgs)", new { orgs = orgs.ToArray() });
        var services = (await conn.QueryAsync<string>("select ozg_id from catalog_services order by ozg_id")).ToArray();
        var releases = await ReleasesAsync(data, orgs[0], coop, editor, 6);
        Assert.NotEmpty(services);

        var deadlocks = 0;
        async Task WorkAsync(int worker)
        {
            var random = new Random(worker);
            for (var n = 0; n < 60; n++)
            {
                var org = orgs[random.Next(orgs.Count)];
                var throughApp = worker % 2 == 1;
                await using var c = await (throughApp ? app : owner).OpenConnectionAsync();
                await using var tx = await c.BeginTransactionAsync();
                if (throughApp)
                    await c.ExecuteAsync(HubDb.SetUserSql, new { userId = editor }, tx);
                try
                {
                    var op = random.Next(throughApp ? 6 : 10);
                    switch (op)
                    {
                        case 0: // bulk upsert over the whole catalogue: inserts and updates in one statement
                            await c.ExecuteAsync("""
                                insert into implementation_status (organization_id, ozg_id, responsible, status, reifegrad, updated_at)
                                select @org, ozg_id, random() < 0.7, s, case when s = 'live' then 2 end, now()
                                from (select ozg_id, (@statuses::text[])[1 + floor(random() * 5)::int] as s from catalog_services) x
                                on conflict (organization_id, ozg_id) do update
                                    set status = excluded.status, reifegrad = excluded.reifegrad, responsible = excluded.responsible
                                """, new { org, statuses = _statuses }, tx);
                            break;
                        case 1:
                            var status = _statuses[random.Next(_statuses.Length)];
                            await c.ExecuteAsync(
                                "update implementation_status set status = @status, reifegrad = case when @status = 'live' then 1 end, responsible = responsible <> @flip where organization_id = @org and ozg_id = @ozg",
                                new { org, ozg = services[random.Next(services.Length)], status, flip = random.Next(2) == 0 }, tx);
                            break;
                        case 2:
                            await c.ExecuteAsync("delete from implementation_status where organization_id = @org and ozg_id = any(@ozgs)",
                                new { org, ozgs = services.Where(_ => random.Next(3) == 0).ToArray() }, tx);
                            break;
                        case 3: // adopt (or change the adoption's status and release)
                            var release = releases[random.Next(releases.Count)];
                            await c.ExecuteAsync("""
                                insert into adoptions (id, organization_id, draft_id, release_id, status, live_since, created_by, created_at, updated_at)
                                values (gen_random_uuid(), @org, @draft, @release, @status, case when @status = 'live' then current_date end, @editor,
                                        now() - make_interval(days => @days), now())
                                on conflict (organization_id, draft_id) do update
                                    set status = excluded.status, live_since = excluded.live_since, release_id = excluded.release_id
                                """, new { org, draft = release.Draft, release = release.Id, status = _adoptionStatuses[random.Next(4)], editor, days = random.Next(0, 90) }, tx);
                            break;
                        case 4:
                            await c.ExecuteAsync("update adoptions set status = @status, live_since = case when @status = 'live' then current_date end where organization_id = @org",
                                new { org, status = _adoptionStatuses[random.Next(4)] }, tx);
                            break;
                        case 5: // work that is rolled back leaves the counters as they were
                            await c.ExecuteAsync("update implementation_status set status = 'live' where organization_id = @org", new { org }, tx);
                            await c.ExecuteAsync("update adoptions set status = 'live', live_since = current_date where organization_id = @org", new { org }, tx);
                            await tx.RollbackAsync();
                            continue;
                        case 6:
                            await c.ExecuteAsync("delete from adoptions where organization_id = @org and draft_id = @draft",
                                new { org, draft = releases[random.Next(releases.Count)].Draft }, tx);
                            break;
                        case 7: // the organization moves to another Kreis, perhaps in another Land (or loses its Kreis code)
                            await c.ExecuteAsync("update organizations set kreis_code = @kreis, land_code = coalesce(left(@kreis, 2), land_code) where id = @org",
                                new { org, kreis = random.Next(5) == 0 ? null : kreise[random.Next(kreise.Length)] }, tx);
                            break;
                        case 8: // a catalogue change: a service's default execution becomes municipal, or stops being
                            await c.ExecuteAsync("""
                                update catalog_leika set leika_typ = case when leika_typ ~ @municipal then '1' else '4' end
                                where ozg_id = @ozg
                                """, new { ozg = services[random.Next(services.Length)], municipal = CounterTruth.MunicipalLeikaTyp }, tx);
                            break;
                        default: // … or stops / starts being a municipality
                            await c.ExecuteAsync("update organizations set kind = case kind when 'landkreis' then 'stadt' else 'landkreis' end where id = @org", new { org }, tx);
                            break;
                    }

                    await tx.CommitAsync();
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected)
                {
                    // Two bulk writes of one organization's rows in different orders: PostgreSQL aborts one of them whole,
                    // which must leave the counters as if it never ran (checked below).
                    Interlocked.Increment(ref deadlocks);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(() => WorkAsync(w))));
        // The random work may end with few live rows (its last writes decide); one more bulk write through the triggers
        // makes sure the comparison below has live counters to compare in several Länder and Kreise.
        await conn.ExecuteAsync("""
            insert into implementation_status (organization_id, ozg_id, responsible, status, reifegrad, updated_at)
            select o, s.ozg_id, true, 'live', 3, now() from unnest(@orgs) o cross join (select ozg_id from catalog_services order by ozg_id limit 3) s
            on conflict (organization_id, ozg_id) do update set status = 'live', reifegrad = 3
            """, new { orgs = orgs.ToArray() });

        var live = (await conn.QueryAsync<string>(CounterTruth.LiveTruth)).ToList();
        Assert.True(deadlocks < 20, $"{deadlocks} of 360 transactions ended in a deadlock");
        Assert.True(live.Count > 5, $"there should be live rows in several Kreise ({live.Count})");
        Assert.Equal(live, (await conn.QueryAsync<string>(CounterTruth.LiveCounters)).ToList());
        var adoptions = (await conn.QueryAsync<string>(CounterTruth.AdoptionTruth)).ToList();
        Assert.NotEmpty(adoptions);
        Assert.Equal(adoptions, (await conn.QueryAsync<string>(CounterTruth.AdoptionCounters)).ToList());
        Assert.Equal((await conn.QueryAsync<string>(CounterTruth.MonthTruth)).ToList(), (await conn.QueryAsync<string>(CounterTruth.MonthCounters)).ToList());
        var municipal = (await conn.QueryAsync<string>(CounterTruth.MunicipalTruth)).ToList();
        Assert.NotEmpty(municipal);
        Assert.Equal(municipal, (await conn.QueryAsync<string>(CounterTruth.MunicipalColumn)).ToList());
        var organizations = (await conn.QueryAsync<string>(CounterTruth.OrganizationTruth)).ToList();
        Assert.Contains(organizations, o => !o.EndsWith(",0,0,0", StringComparison.Ordinal));
        Assert.Equal(organizations, (await conn.QueryAsync<string>(CounterTruth.OrganizationCounters)).ToList());

        // Not even the web app's role may write a counter by hand.
        await using var appConn = await app.OpenConnectionAsync();
        var refused = await Assert.ThrowsAsync<PostgresException>(() => appConn.ExecuteAsync("update progress_live_counts set live = live + 1"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        refused = await Assert.ThrowsAsync<PostgresException>(() => appConn.ExecuteAsync("update organization_status_counts set live = live + 1"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }

    /// <summary>Drafts with one revision and one active release each, owned by <paramref name="owner"/>.</summary>
    private static async Task<List<(Guid Id, Guid Draft)>> ReleasesAsync(TestData data, Guid owner, Guid coop, Guid editor, int count)
    {
        var releases = new List<(Guid, Guid)>();
        for (var i = 0; i < count; i++)
        {
            var draft = await data.ServiceDraftAsync(owner, coop, editor);
            releases.Add((await data.ReleaseAsync(draft, owner, coop, editor, 1, 0), draft));
        }

        return releases;
    }
}
