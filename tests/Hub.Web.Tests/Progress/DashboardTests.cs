using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hub.Testing;
using Hub.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests.Progress;

/// <summary>
/// Every dashboard figure against an independent count: the full catalogue and all Hessian municipalities are
/// imported, a random Umsetzungsstand is written, and the test recomputes the figures in LINQ from what it wrote.
/// </summary>
public sealed class DashboardTests(HubWebFactory app) : IClassFixture<HubWebFactory>, IAsyncLifetime
{
    private readonly Dictionary<(Guid Org, string Ozg), (bool Responsible, string Status)> _written = [];
    private HashSet<string> _municipalServices = [];
    private List<(Guid Id, string KreisCode)> _municipalities = [];
    private List<string> _services = [];

    private static readonly string[] _statuses = ["not_started", "planned", "in_progress", "live", "no_solution", "not_relevant"];

    public async Task InitializeAsync()
    {
        await Hub.Web.Catalog.CatalogCli.ImportAsync(new Hub.Data.Catalog.CatalogStore(app.OwnerDb), ReferenceData.Directory, TextWriter.Null, default);
        await Hub.Web.Tenancy.OrganizationCli.ImportAsync(new Hub.Data.Tenancy.OrganizationStore(app.OwnerDb),
            app.Services.GetRequiredService<Hub.Core.Common.IClock>(),
            [Path.Combine(ReferenceData.Directory, "gemeinden.csv"), Path.Combine(ReferenceData.Directory, "kreise.csv"), "--land", "06"], TextWriter.Null, default);
        _municipalServices = Hub.Core.Catalog.CsvReader.Read(await File.ReadAllTextAsync(Path.Combine(ReferenceData.Directory, "leika-leistungen.csv"))).Skip(1)
            .Where(r => r.Fields[3].Split(',').Select(p => p.Trim()).Any(p => p is "4" or "5" or "6")).Select(r => r.Fields[2]).ToHashSet();

        await using var conn = await app.DataSource.OpenConnectionAsync();
        _municipalities = (await conn.QueryAsync<(Guid, string)>(
            "select id, kreis_code from organizations where land_code = '06' and kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt')")).ToList();
        _services = (await conn.QueryAsync<string>("select ozg_id from catalog_services order by ozg_id")).ToList();
        var random = new Random(20261122);
        // A whole Kreis live for two services, so "flächendeckend" is exercised, plus random rows everywhere.
        var bergstrasse = _municipalities.Where(m => m.KreisCode == "06431").ToList();
        foreach (var m in bergstrasse)
        {
            _written[(m.Id, "10557")] = (true, "live");
            _written[(m.Id, "10519")] = (true, "live");
        }

        foreach (var m in _municipalities.OrderBy(_ => random.Next()).Take(120))
        {
            foreach (var ozg in _services.OrderBy(_ => random.Next()).Take(random.Next(5, 60)))
                _written.TryAdd((m.Id, ozg), (random.Next(4) > 0, _statuses[random.Next(_statuses.Length)]));
        }

        await conn.ExecuteAsync("""
            insert into implementation_status (organization_id, ozg_id, responsible, status, reason, updated_at)
            select o, s, r, st, case when st = 'not_relevant' then 'Test' end, now() from unnest(@orgs, @ozgs, @resp, @sts) as t(o, s, r, st)
            on conflict (organization_id, ozg_id) do update set responsible = excluded.responsible, status = excluded.status, reason = excluded.reason
            """, new
        {
            orgs = _written.Keys.Select(k => k.Org).ToArray(), ozgs = _written.Keys.Select(k => k.Ozg).ToArray(),
            resp = _written.Values.Select(v => v.Responsible).ToArray(), sts = _written.Values.Select(v => v.Status).ToArray(),
        });
        // The demo's own adoption wrote Zwingenberg's 10557 row; read back what is really there for the figures.
        foreach (var row in await conn.QueryAsync<(Guid Org, string Ozg, bool Responsible, string Status)>(
                     "select organization_id, ozg_id, responsible, status from implementation_status"))
            _written[(row.Org, row.Ozg)] = (row.Responsible, row.Status);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task OrganizationDashboard_EqualsTheIndependentCount_ForEveryOrganizationWithData()
    {
        var observer = await app.ApiAsync("observer@hmdis.demo");
        foreach (var org in _written.Keys.Select(k => k.Org).Distinct().Take(25))
        {
            var expected = _services
                .Select(s => _written.TryGetValue((org, s), out var w) ? w : (Responsible: _municipalServices.Contains(s), Status: "not_started"))
                .Where(x => x.Responsible).GroupBy(x => x.Status).ToDictionary(g => g.Key, g => g.Count());

            var actual = await observer.GetFromJsonAsync<JsonElement>($"/api/v1/progress/organizations/{org}");

            Assert.Equal(expected.Values.Sum(), actual.GetProperty("responsible").GetInt32());
            var states = actual.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("state").GetString()!, s => s.GetProperty("count").GetInt32());
            foreach (var status in _statuses)
                Assert.Equal(expected.GetValueOrDefault(status), states[status]);
            Assert.Equal(expected.Values.Sum(), actual.GetProperty("themenfelder").EnumerateArray().Sum(t => t.GetProperty("responsible").GetInt32()));
        }
    }

    [Fact]
    public async Task StateDashboard_LiveAndFlaechendeckend_EqualTheIndependentCount()
    {
        var state = await (await app.ApiAsync("observer@hmdis.demo")).GetFromJsonAsync<JsonElement>("/api/v1/progress/states/06");
        var kreisOf = _municipalities.ToDictionary(m => m.Id, m => m.KreisCode);
        var kreisSize = _municipalities.GroupBy(m => m.KreisCode).ToDictionary(g => g.Key, g => g.Count());
        var live = _written.Where(w => w.Value.Status == "live" && kreisOf.ContainsKey(w.Key.Org)).ToList();

        Assert.Equal(_municipalities.Count, state.GetProperty("municipalities").GetInt32());
        Assert.Equal(422, state.GetProperty("municipalities").GetInt32());
        Assert.Equal(kreisSize.Count, state.GetProperty("kreise").GetInt32());
        foreach (var s in state.GetProperty("services").EnumerateArray())
        {
            var ozg = s.GetProperty("ozgId").GetString()!;
            var here = live.Where(w => w.Key.Ozg == ozg).ToList();
            var covered = here.GroupBy(w => kreisOf[w.Key.Org]).Count(g => g.Count() == kreisSize[g.Key]);
            Assert.Equal(here.Count, s.GetProperty("liveMunicipalities").GetInt32());
            Assert.Equal(covered, s.GetProperty("kreiseCovered").GetInt32());
        }

        Assert.True(state.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("ozgId").GetString() == "10519").GetProperty("kreiseCovered").GetInt32() >= 1);
    }

    [Fact]
    public async Task CooperationDashboard_MembersDraftsAndEfaReach_EqualTheIndependentCount()
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        var coop = await conn.QuerySingleAsync<Guid>("select id from cooperations where name = 'OZG-Modellkommune Viernheim'");
        var members = (await conn.QueryAsync<Guid>("select organization_id from cooperation_members where cooperation_id = @coop", new { coop })).ToList();
        var drafts = (await conn.QueryAsync<(string, long)>("select status, count(*) from drafts where cooperation_id = @coop group by status", new { coop }))
            .ToDictionary(d => d.Item1, d => (int)d.Item2);

        var actual = await (await app.ApiAsync("editor@viernheim.demo")).GetFromJsonAsync<JsonElement>($"/api/v1/progress/cooperations/{coop}");

        var rows = actual.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("organizationId").GetGuid());
        Assert.Equal(members.Order(), rows.Keys.Order());
        foreach (var org in members)
        {
            var mine = _services.Select(s => _written.TryGetValue((org, s), out var w) ? w : (Responsible: _municipalServices.Contains(s), Status: "not_started")).ToList();
            Assert.Equal(mine.Count(m => m.Responsible), rows[org].GetProperty("responsible").GetInt32());
            Assert.Equal(mine.Count(m => m.Status == "live"), rows[org].GetProperty("live").GetInt32());
        }

        Assert.Equal(drafts, actual.GetProperty("drafts").EnumerateArray().ToDictionary(d => d.GetProperty("status").GetString()!, d => d.GetProperty("count").GetInt32()));
        Assert.Contains("Zwingenberg", actual.GetProperty("outsideAdopterNames").EnumerateArray().Select(n => n.GetString()));
        var outside = (await conn.QueryAsync<(Guid Org, string Status)>(
            "select a.organization_id, a.status from adoptions a join drafts d on d.id = a.draft_id where d.cooperation_id = @coop", new { coop }))
            .Where(a => !members.Contains(a.Org) && a.Status != "dropped").ToList();
        Assert.Equal(outside.Count, actual.GetProperty("outsideAdopters").GetInt32());
        Assert.Equal(outside.Count(a => a.Status == "live"), actual.GetProperty("outsideLive").GetInt32());
        await Problem.ReadAsync(await (await app.ApiAsync("editor@wetzlar.demo")).GetAsync($"/api/v1/progress/cooperations/{coop}"), HttpStatusCode.NotFound);
        var page = Html.Parse(await (await app.SignedInAsync("observer@hmdis.demo")).GetStringAsync($"/fortschritt/verbuende/{coop}"));
        Assert.NotEmpty(page.QuerySelectorAll("svg[role='img']"));
        Assert.StartsWith($"Freigaben: {actual.GetProperty("releases").GetInt32()} · freigegebene Onlinedienste: {actual.GetProperty("releasedServices").GetInt32()} · "
            + $"Nachnutzungen außerhalb des Verbunds: {outside.Count}, davon live: {outside.Count(a => a.Status == "live")}.",
            page.QuerySelector("p.kern-body--large")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateDashboard_ReuseMonthsAndVersionCurrency_EqualLinqOverTheRawRows()
    {
        // More adoptions across Hessen: random municipalities adopt the demo's Urkunde 1.0, some go live.
        await using var conn = await app.DataSource.OpenConnectionAsync();
        var urkunde = await conn.QuerySingleAsync<(Guid Draft, Guid Release)>(
            "select draft_id, id from releases where title = 'Urkundenanforderung Standesamt' and major = 1 and minor = 0");
        var user = await conn.QuerySingleAsync<Guid>("select id from users where email = 'editor@zwingenberg.demo'");
        var random = new Random(7);
        foreach (var (org, _) in _municipalities.OrderBy(_ => random.Next()).Take(15))
        {
            await conn.ExecuteAsync("""
                insert into adoptions (id, organization_id, draft_id, release_id, status, live_since, created_by, created_at, updated_at)
                values (gen_random_uuid(), @org, @Draft, @Release, @status, case when @status = 'live' then current_date end, @user, now() - make_interval(days => @days), now())
                on conflict do nothing
                """, new { org, urkunde.Draft, urkunde.Release, status = random.Next(2) == 0 ? "live" : "planned", user, days = random.Next(0, 90) });
        }

        var adoptions = (await conn.QueryAsync<(Guid Draft, Guid Release, string Status, DateTime CreatedAt, string Land)>("""
            select a.draft_id, a.release_id, a.status, a.created_at, o.land_code from adoptions a join organizations o on o.id = a.organization_id
            """)).Where(a => a.Land == "06" && a.Status != "dropped").ToList();
        var releases = (await conn.QueryAsync<(Guid Id, Guid Draft, int Major, int Minor, string Status, DateTime ReleasedAt, string Land)>("""
            select rl.id, rl.draft_id, rl.major, rl.minor, rl.status, rl.released_at, o.land_code
            from releases rl join drafts d on d.id = rl.draft_id join organizations o on o.id = d.owner_organization_id
            """)).ToList();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        string Month(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), berlin).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var state = await (await app.ApiAsync("observer@hmdis.demo")).GetFromJsonAsync<JsonElement>("/api/v1/progress/states/06");

        var observer = await app.ApiAsync("observer@hmdis.demo");
        foreach (var org in (await conn.QueryAsync<Guid>("select distinct organization_id from adoptions")).Take(8))
        {
            var own = (await conn.QueryAsync<(Guid Release, Guid Draft, string Status)>("select release_id, draft_id, status from adoptions where organization_id = @org", new { org }))
                .Where(a => a.Status != "dropped").ToList();
            var figures = await observer.GetFromJsonAsync<JsonElement>($"/api/v1/progress/organizations/{org}");
            Assert.Equal(own.Count, figures.GetProperty("adoptions").GetInt32());
            Assert.Equal(own.Count(a => a.Status == "live"), figures.GetProperty("adoptionsLive").GetInt32());
        }

        var expectedReuse = adoptions.GroupBy(a => a.Draft).Select(g => (Draft: g.Key, Adopters: g.Count(), Live: g.Count(a => a.Status == "live")))
            .OrderByDescending(x => x.Adopters).ToList();
        var top = state.GetProperty("mostReused").EnumerateArray().First();
        Assert.Equal(expectedReuse[0].Draft, top.GetProperty("draftId").GetGuid());
        Assert.Equal(expectedReuse[0].Adopters, top.GetProperty("adopters").GetInt32());
        Assert.Equal(expectedReuse[0].Live, top.GetProperty("live").GetInt32());

        var expectedMonths = releases.Where(r => r.Land == "06").Select(r => (Month: Month(r.ReleasedAt), R: 1, A: 0))
            .Concat(adoptions.Select(a => (Month: Month(a.CreatedAt), R: 0, A: 1)))
            .GroupBy(x => x.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}:{g.Sum(x => x.R)}:{g.Sum(x => x.A)}").ToList();
        Assert.Equal(expectedMonths, state.GetProperty("months").EnumerateArray()
            .Select(m => $"{m.GetProperty("month").GetString()}:{m.GetProperty("releases").GetInt32()}:{m.GetProperty("adoptions").GetInt32()}").ToList());

        var newest = releases.Where(r => r.Status == "active").GroupBy(r => r.Draft).ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.Major).ThenByDescending(r => r.Minor).First());
        var expectedCurrency = adoptions.Where(a => newest.ContainsKey(a.Draft)).Select(a =>
        {
            var cur = releases.Single(r => r.Id == a.Release);
            var n = newest[a.Draft];
            return $"{cur.Major}.{cur.Minor}->{n.Major}.{n.Minor}:{n.Major - cur.Major}:{(n.Major == cur.Major ? n.Minor - cur.Minor : 0)}";
        }).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedCurrency, state.GetProperty("currency").EnumerateArray().Select(c =>
            $"{c.GetProperty("adoptedVersion").GetString()}->{c.GetProperty("newestVersion").GetString()}:{c.GetProperty("majorBehind").GetInt32()}:{c.GetProperty("minorBehind").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Visibility_StateForItsObserversOnly_OrganizationForMembersPartnersObservers()
    {
        var viernheim = (await app.DataSource.OpenConnection().QuerySingleAsync<Guid>("select id from organizations where name = 'Viernheim'"));

        await Problem.ReadAsync(await (await app.ApiAsync("editor@viernheim.demo")).GetAsync("/api/v1/progress/states/06"), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await (await app.ApiAsync("editor@wetzlar.demo")).GetAsync($"/api/v1/progress/organizations/{viernheim}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ApiAsync("reviewer@bensheim.demo")).GetAsync($"/api/v1/progress/organizations/{viernheim}")).StatusCode);
        var observer = await app.SignedInAsync("observer@hmdis.demo");
        var page = Html.Parse(await observer.GetStringAsync("/fortschritt/laender/06"));
        var csv = await observer.GetStringAsync("/fortschritt/laender/06.csv");
        var orgPage = Html.Parse(await observer.GetStringAsync($"/fortschritt/organisationen/{viernheim}"));

        Assert.NotNull(page.QuerySelector("svg[role='img'] title"));
        Assert.StartsWith("ozg_id,name,live_municipalities,kreise_covered", csv, StringComparison.Ordinal);
        Assert.Equal(558, csv.Trim().Split('\n').Length);
        Assert.NotEmpty(orgPage.QuerySelectorAll("table tbody tr"));
    }
}
