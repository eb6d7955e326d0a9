using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;

namespace Hub.Web.Tests.Releases;

/// <summary>Release pages and API: who approved what, the diff to the previous release, deprecate and withdraw.</summary>
public sealed class ReleasesTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private async Task<(HttpClient Editor, Guid Draft, Guid First, Guid Second)> TwoReleasesAsync(string title)
    {
        var (editor, id) = await DraftApi.NewDraftAsync(app, title);
        var first = (await DraftApi.ApproveAndReleaseAsync(app, editor, id, 1, false, "Erste *Fassung*")).GetProperty("releaseId").GetGuid();
        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new
        {
            title, body = "## Ablauf\n\n1. Antrag stellen\n2. Mit ePayBL bezahlen\n\n## Nachweise\n\nPersonalausweis", catalogServiceIds = new[] { "10557" }, baseRevision = 1,
        }), HttpStatusCode.OK);
        var second = (await DraftApi.ApproveAndReleaseAsync(app, editor, id, 2, false)).GetProperty("releaseId").GetGuid();
        return (editor, id, first, second);
    }

    [Fact]
    public async Task ReleaseApi_ShowsApprovalsOfTheReleasedRevisionAndThePreviousVersion()
    {
        var (editor, _, first, second) = await TwoReleasesAsync("Freigabe mit Vorgänger");
        var stranger = await app.ApiAsync("editor@wetzlar.demo");

        var details = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/releases/{second}");
        var list = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/releases?themenfeld=10&q=Vorgänger");
        var otherThemenfeld = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/releases?themenfeld=2&q=Vorgänger");

        Assert.Equal("1.1", details.GetProperty("release").GetProperty("version").GetString());
        Assert.Equal("1.0", details.GetProperty("previousVersion").GetString());
        Assert.Equal(first, details.GetProperty("previousReleaseId").GetGuid());
        var approvals = details.GetProperty("approvals").EnumerateArray().ToList();
        Assert.Equal(["Bensheim", "Metropolregion Rhein-Neckar GmbH"], approvals.Select(a => a.GetProperty("organizationName").GetString()).Order());
        Assert.All(approvals, a => Assert.Equal(2, a.GetProperty("revision").GetInt32()));
        Assert.Contains("ePayBL", details.GetProperty("content").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, list.GetProperty("totalCount").GetInt64());
        Assert.Equal(0, otherThemenfeld.GetProperty("totalCount").GetInt64());
        await Problem.ReadAsync(await editor.GetAsync($"/api/v1/releases/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deprecate_WithSuccessor_ThenWithdraw_ThenIllegal()
    {
        var (editor, draft, first, second) = await TwoReleasesAsync("Veraltende Freigabe");

        var noReason = await Problem.ReadAsync(await editor.PostAsJsonAsync($"/api/v1/releases/{first}/deprecate", new { reason = "" }), HttpStatusCode.BadRequest);
        var selfSuccessor = await Problem.ReadAsync(await editor.PostAsJsonAsync($"/api/v1/releases/{first}/deprecate",
            new { reason = "x", successorReleaseId = first }), HttpStatusCode.BadRequest);
        var deprecated = await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/releases/{first}/deprecate",
            new { reason = "Bitte 1.1 nutzen.", successorReleaseId = second }), HttpStatusCode.OK);
        var withdrawn = await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/releases/{first}/withdraw", new { reason = "Sicherheitslücke" }), HttpStatusCode.OK);
        var again = await Problem.ReadAsync(await editor.PostAsJsonAsync($"/api/v1/releases/{first}/deprecate", new { reason = "noch mal" }), HttpStatusCode.Conflict);

        Assert.NotEmpty(noReason.FieldErrors("reason"));
        Assert.NotEmpty(selfSuccessor.FieldErrors("successorReleaseId"));
        Assert.Equal("deprecated", deprecated.GetProperty("status").GetString());
        Assert.Equal(second, deprecated.GetProperty("successorReleaseId").GetGuid());
        Assert.Equal("withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal("Sicherheitslücke", withdrawn.GetProperty("statusReason").GetString());
        Assert.Equal("illegal_transition", again.Code);
        Assert.Equal("withdrawn", again.Root.GetProperty("currentStatus").GetString());
        var audit = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=draft&entityId={draft}");
        Assert.Equal(["release_withdrawn", "release_deprecated"], audit.GetProperty("items").EnumerateArray().Take(2).Select(e => e.GetProperty("action").GetString()));
        Assert.True(await app.Data.CountAsync("notifications", "kind = 'release_withdrawn' and draft_id = @draft", new { draft }) > 0);
    }

    [Fact]
    public async Task ChangeStatus_ByPartnerOrObserver_Is403_AndParallelDeprecationsChangeOnce()
    {
        var (editor, _, first, _) = await TwoReleasesAsync("Parallel veraltet");

        await Problem.ReadAsync(await (await app.ApiAsync("reviewer@bensheim.demo")).PostAsJsonAsync($"/api/v1/releases/{first}/deprecate", new { reason = "x" }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await (await app.ApiAsync("observer@hmdis.demo")).PostAsJsonAsync($"/api/v1/releases/{first}/withdraw", new { reason = "x" }), HttpStatusCode.Forbidden);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => editor.PostAsJsonAsync($"/api/v1/releases/{first}/deprecate", new { reason = $"Grund {i}" })));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @first and action = 'release_deprecated'", new { first }));
    }

    [Fact]
    public async Task ReleasePage_ShowsApprovalsDiffAndTheDeprecateForm_ThatWorks()
    {
        var (_, _, first, second) = await TwoReleasesAsync("Freigabeseite");
        var editor = await app.SignedInAsync("editor@viernheim.demo");
        var partner = await app.SignedInAsync("reviewer@bensheim.demo");

        var page = Html.Parse(await editor.GetStringAsync($"/freigaben/{second}"));
        var partnerPage = Html.Parse(await partner.GetStringAsync($"/freigaben/{second}"));
        var posted = await HubWebFactory.PostFormAsync(editor, $"/freigaben/{first}", $"/freigaben/{first}/veraltet",
            new() { ["reason"] = "Ersetzt durch 1.1", ["successorReleaseId"] = second.ToString() });
        var empty = await HubWebFactory.PostFormAsync(editor, $"/freigaben/{second}", $"/freigaben/{second}/zurueckziehen", new() { ["reason"] = "" });
        var after = Html.Parse(await partner.GetStringAsync($"/freigaben/{first}"));
        // Deprecating it again is a conflict; the page comes back with the reason the user typed.
        var again = await HubWebFactory.PostFormAsync(editor, $"/freigaben/{second}", $"/freigaben/{first}/veraltet", new() { ["reason"] = "Mein zweiter Grund" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Mein zweiter Grund", (await Html.ParseAsync(again)).QuerySelector("#withdraw-reason")!.GetAttribute("value"));

        Assert.Equal(2, page.QuerySelectorAll("section[aria-labelledby='s-zustimmungen'] tbody tr").Length);
        Assert.Contains(page.QuerySelectorAll(".hub-diff--ins"), l => l.TextContent.Contains("ePayBL", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector($"form[action='/freigaben/{second}/veraltet']"));
        Assert.Null(partnerPage.QuerySelector("form[action$='/veraltet']"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Ersetzt durch 1.1", after.QuerySelector(".kern-alert--warning")!.TextContent, StringComparison.Ordinal);
        var list = Html.Parse(await partner.GetStringAsync("/freigaben?status=deprecated&q=Freigabeseite"));
        Assert.Single(list.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task ReleaseApi_CatalogueFilters_AndAdoptersHearOfADeprecation()
    {
        var (editor, draft, _, second) = await TwoReleasesAsync("Gefilterte Freigabe");
        var (viernheim, coop) = await DraftApi.ViernheimAsync(app);
        var reader = await app.ApiAsync("editor@wetzlar.demo");
        async Task<long> CountAsync(string filter) =>
            (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/releases?q=Gefilterte&{filter}")).GetProperty("totalCount").GetInt64();

        Assert.Equal(2, await CountAsync($"ownerId={viernheim}&cooperationId={coop}&land=06"));
        Assert.Equal(1, await CountAsync("reifegrad=3")); // only 1.0 had Reifegrad 3 in its Steckbrief
        Assert.Equal(0, await CountAsync($"ownerId={Guid.NewGuid()}"));
        Assert.Equal(0, await CountAsync("reifegrad=4"));
        Assert.Equal(0, await CountAsync("land=09"));
        Assert.NotEmpty((await Problem.ReadAsync(await reader.GetAsync("/api/v1/releases?land=99&reifegrad=7"), HttpStatusCode.BadRequest)).FieldErrors("land"));

        await using var conn = await app.DataSource.OpenConnectionAsync();
        var zwingenberg = await Dapper.SqlMapper.QuerySingleAsync<Guid>(conn, "select id from organizations where name = 'Zwingenberg'");
        await DraftApi.JsonAsync(await (await app.ApiAsync("editor@zwingenberg.demo")).PostAsJsonAsync("/api/v1/adoptions", new { releaseId = second, organizationId = zwingenberg }), HttpStatusCode.Created);
        await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/releases/{second}/deprecate", new { reason = "Bitte warten" }), HttpStatusCode.OK);
        Assert.Equal(1, await app.Data.CountAsync("notifications n join users u on u.id = n.user_id",
            "u.email = 'editor@zwingenberg.demo' and n.kind = 'release_deprecated' and n.draft_id = @draft", new { draft }));
    }
}
