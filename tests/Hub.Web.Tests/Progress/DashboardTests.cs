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
        await Hub.Web.Catalog.CatalogCli.ImportAsync(app.Services.GetRequiredService<Hub.Core.Catalog.ICatalogStore>(), SharedData.Directory, TextWriter.Null, default);
        await Hub.Web.Tenancy.OrganizationCli.ImportAsync(app.Services.GetRequiredService<Hub.Core.Tenancy.IOrganizationStore>(),
            app.Services.GetRequiredService<Hub.Core.Common.IClock>(),
            [Path.Combine(SharedData.Directory, "gemeinden.csv"), Path.Combine(SharedData.Directory, "kreise.csv"), "--land", "06"], TextWriter.Null, default);
        _municipalServices = Hub.Core.Catalog.CsvReader.Read(await File.ReadAllTextAsync(Path.Combine(SharedData.Directory, "leika-leistungen.csv"))).Skip(1)
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
        Assert.Equal(1, actual.GetProperty("outsideLive").GetInt32());
        await Problem.ReadAsync(await (await app.ApiAsync("editor@wetzlar.demo")).GetAsync($"/api/v1/progress/cooperations/{coop}"), HttpStatusCode.NotFound);
        Assert.NotEmpty(Html.Parse(await (await app.SignedInAsync("observer@hmdis.demo")).GetStringAsync($"/fortschritt/verbuende/{coop}")).QuerySelectorAll("svg[role='img']"));
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
