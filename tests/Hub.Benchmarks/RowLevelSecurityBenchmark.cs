using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Data.Accounts;
using Hub.Data.Common;
using Hub.Data.Drafts;
using Hub.Testing;

namespace Hub.Benchmarks;

/// <summary>
/// What row-level security costs: the draft list (first page of 20, newest first) on 100,000 drafts in 100 cooperations of
/// 500 organizations, read through the same store once as hub_app with the actor's context (policies apply) and once as
/// the owner (policies bypassed), for an editor (sees her cooperation's ~1,000 drafts) and an observer (sees a Land).
/// </summary>
internal static class RowLevelSecurityBenchmark
{
    private const string Seed = """
        create temp table bo as select g, gen_random_uuid() as id, lpad(((g % 16) + 1)::text, 2, '0') as land from generate_series(0, 499) g;
        create temp table bc as select c, gen_random_uuid() as id from generate_series(0, 99) c;
        create temp table bu as select g, gen_random_uuid() as id from generate_series(0, 500) g;
        insert into organizations (id, name, kind, land_code) select id, 'Bench-Gemeinde ' || g, 'gemeinde', land from bo;
        insert into cooperations (id, name, lead_organization_id) select bc.id, 'Bench-Verbund ' || c, bo.id from bc join bo on bo.g = bc.c * 5;
        insert into cooperation_members (cooperation_id, organization_id) select bc.id, bo.id from bc join bo on bo.g / 5 = bc.c;
        insert into users (id, email, display_name, password_hash) select id, 'bench' || g || '@bench.demo', 'Bench ' || g, 'x' from bu;
        insert into memberships (organization_id, user_id, role) select bo.id, bu.id, 'editor' from bo join bu using (g);
        insert into observers (user_id, land_code) select id, '06' from bu where g = 500;
        insert into drafts (id, owner_organization_id, cooperation_id, status, current_revision, title, created_by, created_at, updated_at)
        select gen_random_uuid(), bo.id, bc.id, (array['draft', 'in_review', 'changes_requested', 'approved', 'released', 'withdrawn'])[1 + d % 6],
               1, 'Bench-Entwurf ' || d, bu.id, now() - d * interval '1 minute', now() - d * interval '1 minute'
        from generate_series(0, 99999) d join bo on bo.g = d % 500 join bc on bc.c = (d % 500) / 5 join bu on bu.g = d % 500;
        analyze;
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Measure.Option(args, "--requests", 200);
        var setup = Stopwatch.StartNew();
        var cs = await TestCluster.CreateDatabaseAsync();
        await using var owner = TestCluster.CreateDataSource(cs);
        await using var app = TestCluster.CreateDataSource(TestCluster.AppConnectionString(cs));
        Guid editorId, observerId;
        await using (var conn = await owner.OpenConnectionAsync())
        {
            await conn.ExecuteAsync(Seed, commandTimeout: 600);
            editorId = await conn.QuerySingleAsync<Guid>("select id from users where email = 'bench7@bench.demo'");
            observerId = await conn.QuerySingleAsync<Guid>("select id from users where email = 'bench500@bench.demo'");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Set-up: 100,000 drafts, 100 cooperations, 500 organizations in {setup.Elapsed.TotalSeconds:F1} s."));
        var users = new UserStore(new HubDb(owner));
        var page = new PageRequest(1, 20);
        var query = new DraftQuery(null, null, null);
        foreach (var (who, id) in new[] { ("editor", editorId), ("observer (Land 06)", observerId) })
        {
            var actor = (await users.LoadActorAsync(id, default))!;
            var withRls = new DraftStore(new HubDb(app));
            var withoutRls = new DraftStore(new HubDb(owner));
            long seen;
            using (ActingUser.Use(id))
                seen = (await withRls.ListVisibleAsync(actor, query, page, default)).TotalCount;
            var bypassed = (await withoutRls.ListVisibleAsync(actor, query, page, default)).TotalCount;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{who}: {seen} drafts visible with row-level security, {bypassed} by the store's own filter alone"));
            if (seen != bypassed)
                Console.WriteLine("  MISMATCH: the policies and the store's filter disagree");
            var on = await Measure.RepeatAsync($"  draft list, {who}, with row-level security (hub_app)", 20, requests, async () =>
            {
                using (ActingUser.Use(id))
                    await withRls.ListVisibleAsync(actor, query, page, default);
            });
            var off = await Measure.RepeatAsync($"  draft list, {who}, without (owner, policies bypassed)", 20, requests, () => withoutRls.ListVisibleAsync(actor, query, page, default));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  cost of row-level security at p95: {Measure.Percentile(on, 0.95) - Measure.Percentile(off, 0.95):F1} ms ({Measure.Percentile(on, 0.95) / Measure.Percentile(off, 0.95):F2}×)"));
        }

        return 0;
    }
}
