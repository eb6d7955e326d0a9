using Dapper;
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

    private const string LiveTruth = """
        select o.land_code || '/' || coalesce(o.kreis_code, '') || '/' || i.ozg_id || '=' || count(*)
        from implementation_status i join organizations o on o.id = i.organization_id
        where i.status = 'live' and progress_live_municipal(o.kind) group by o.land_code, o.kreis_code, i.ozg_id order by 1
        """;

    private const string LiveCounters = "select land_code || '/' || kreis_code || '/' || ozg_id || '=' || live from progress_live_counts where live <> 0 order by 1";

    private const string AdoptionTruth = """
        select o.land_code || '/' || a.release_id || '/' || a.draft_id || '=' || count(*) || ',' || count(*) filter (where a.status = 'live')
        from adoptions a join organizations o on o.id = a.organization_id where a.status <> 'dropped'
        group by o.land_code, a.release_id, a.draft_id order by 1
        """;

    private const string AdoptionCounters =
        "select land_code || '/' || release_id || '/' || draft_id || '=' || adopters || ',' || live from adoption_counts where adopters <> 0 or live <> 0 order by 1";

    private const string MonthTruth = """
        select o.land_code || '/' || to_char(a.created_at at time zone 'Europe/Berlin', 'YYYY-MM') || '=' || count(*)
        from adoptions a join organizations o on o.id = a.organization_id
        group by o.land_code, to_char(a.created_at at time zone 'Europe/Berlin', 'YYYY-MM') order by 1
        """;

    private const string MonthCounters = "select land_code || '/' || to_char(month, 'YYYY-MM') || '=' || adoptions from adoption_month_counts where adoptions <> 0 order by 1";

    // The catalogue's default execution as 0006 defined it (a LeiKa entry of Typ 4, 5 or 6), kept as a column since 0025.
    private const string MunicipalTruth = """
        select s.ozg_id from catalog_services s
        where exists (select 1 from catalog_leika k where k.ozg_id = s.ozg_id and k.leika_typ ~ '(^|, )(4|5|6)($|,)') order by 1
        """;

    private const string MunicipalColumn = "select ozg_id from catalog_municipal_services where municipal order by 1";

    // Per organization (0025) as the cooperation dashboard defined its figures before the counters: responsible by the
    // recorded row or else the catalogue's default, over every catalogue service.
    private const string OrganizationTruth = $"""
        select o.id || '=' || x.responsible || ',' || x.live || ',' || x.in_progress || ',' || x.no_solution
        from organizations o cross join lateral (
            select count(*) filter (where coalesce(i.responsible, ms.ozg_id in ({MunicipalTruth}))) as responsible,
                   count(*) filter (where i.status = 'live') as live, count(*) filter (where i.status = 'in_progress') as in_progress,
                   count(*) filter (where i.status = 'no_solution') as no_solution
            from catalog_services ms left join implementation_status i on i.organization_id = o.id and i.ozg_id = ms.ozg_id) x
        order by 1
        """;

    private const string OrganizationCounters = """
        select o.id || '=' || (coalesce(c.responsible, 0) + (select count(*) from catalog_municipal_services where municipal) - coalesce(c.on_municipal, 0))
               || ',' || coalesce(c.live, 0) || ',' || coalesce(c.in_progress, 0) || ',' || coalesce(c.no_solution, 0)
        from organizations o left join organization_status_counts c on c.organization_id = o.id
        order by 1
        """;

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
                    await c.ExecuteAsync("select set_config('hub.user_id', @id, true)", new { id = editor.ToString() }, tx);
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
                                update catalog_leika set leika_typ = case when leika_typ ~ '(^|, )(4|5|6)($|,)' then '1' else '4' end
                                where ozg_id = @ozg
                                """, new { ozg = services[random.Next(services.Length)] }, tx);
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

        var live = (await conn.QueryAsync<string>(LiveTruth)).ToList();
        Assert.True(deadlocks < 20, $"{deadlocks} of 360 transactions ended in a deadlock");
        Assert.True(live.Count > 5, $"the random work should leave live rows behind ({live.Count})");
        Assert.Equal(live, (await conn.QueryAsync<string>(LiveCounters)).ToList());
        var adoptions = (await conn.QueryAsync<string>(AdoptionTruth)).ToList();
        Assert.NotEmpty(adoptions);
        Assert.Equal(adoptions, (await conn.QueryAsync<string>(AdoptionCounters)).ToList());
        Assert.Equal((await conn.QueryAsync<string>(MonthTruth)).ToList(), (await conn.QueryAsync<string>(MonthCounters)).ToList());
        var municipal = (await conn.QueryAsync<string>(MunicipalTruth)).ToList();
        Assert.NotEmpty(municipal);
        Assert.Equal(municipal, (await conn.QueryAsync<string>(MunicipalColumn)).ToList());
        var organizations = (await conn.QueryAsync<string>(OrganizationTruth)).ToList();
        Assert.Contains(organizations, o => !o.EndsWith(",0,0,0", StringComparison.Ordinal));
        Assert.Equal(organizations, (await conn.QueryAsync<string>(OrganizationCounters)).ToList());

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
