using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;

namespace Hub.Web.Tests.Releases;

/// <summary>Release pages and API: who approved what, the diff to the previous release, deprecate and withdraw.</summary>
public sealed class ReleasesTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    /// <summary>1.0 and 1.1 of one draft (1.1 pays with ePayBL and has no Reifegrad), with an API client of its editor.</summary>
    private async Task<(HttpClient Editor, Guid Draft, Guid First, Guid Second, Given.Release Scenario)> TwoReleasesAsync(string title)
    {
        var s = await Given.ReleaseAsync(app, title, "Erste *Fassung*");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new
        {
            title, body = "## Ablauf\n\n1. Antrag stellen\n2. Mit ePayBL bezahlen\n\n## Nachweise\n\nPersonalausweis", catalogServiceIds = new[] { "10557" }, baseRevision = 1,
        }), HttpStatusCode.OK);
        var second = await Given.ReleaseAsync(app, s);
        return (editor, id, s.ReleaseId, second.ReleaseId, second);
    }

    [Fact]
    public async Task ReleaseApi_ShowsApprovalsOfTheReleasedRevisionAndThePreviousVersion()
    {
        var (editor, _, first, second, s) = await TwoReleasesAsync("Freigabe mit Vorgänger");
        var stranger = await app.ApiAsync((await Given.OutsiderAsync(app)).Editor);

        var details = await stranger.GetFromJsonAsync<JsonElement>($"/api/v1/releases/{second}");
        var list = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/releases?themenfeld=10&q=Vorgänger");
        var otherThemenfeld = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/releases?themenfeld=2&q=Vorgänger");

        Assert.Equal("1.1", details.GetProperty("release").GetProperty("version").GetString());
        Assert.Equal("1.0", details.GetProperty("previousVersion").GetString());
        Assert.Equal(first, details.GetProperty("previousReleaseId").GetGuid());
        var approvals = details.GetProperty("approvals").EnumerateArray().ToList();
        Assert.Equal(s.Partners.Take(2).Select(p => p.Name).Order(), approvals.Select(a => a.GetProperty("organizationName").GetString()).Order());
        Assert.All(approvals, a => Assert.Equal(2, a.GetProperty("revision").GetInt32()));
        Assert.Contains("ePayBL", details.GetProperty("content").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, list.GetProperty("totalCount").GetInt64());
        Assert.Equal(0, otherThemenfeld.GetProperty("totalCount").GetInt64());
        await Problem.ReadAsync(await editor.GetAsync($"/api/v1/releases/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deprecate_WithSuccessor_ThenWithdraw_ThenIllegal()
    {
        var (editor, draft, first, second, s) = await TwoReleasesAsync("Veraltende Freigabe");
        // Somebody in the cooperation to be told, besides the editor who acts.
        await app.Data.UserAsync(memberships: (s.Partners[0].Id, "admin"));

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
        var (editor, _, first, _, s) = await TwoReleasesAsync("Parallel veraltet");

        await Problem.ReadAsync(await (await app.ApiAsync(s.Reviewers[0])).PostAsJsonAsync($"/api/v1/releases/{first}/deprecate", new { reason = "x" }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await (await app.ApiAsync(await Given.ObserverAsync(app))).PostAsJsonAsync($"/api/v1/releases/{first}/withdraw", new { reason = "x" }), HttpStatusCode.Forbidden);
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => editor.PostAsJsonAsync($"/api/v1/releases/{first}/deprecate", new { reason = $"Grund {i}" })));

        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(9, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @first and action = 'release_deprecated'", new { first }));
    }

    [Fact]
    public async Task ReleasePage_ShowsApprovalsDiffAndTheDeprecateForm_ThatWorks()
    {
        var (_, _, first, second, s) = await TwoReleasesAsync("Freigabeseite");
        var editor = await app.SignedInAsync(s.Editor);
        var partner = await app.SignedInAsync(s.Reviewers[0]);

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
        var (editor, draft, _, second, s) = await TwoReleasesAsync("Gefilterte Freigabe");
        var (owner, coop) = (s.Lead.Id, s.CooperationId);
        var reader = await app.ApiAsync((await Given.OutsiderAsync(app)).Editor);
        async Task<long> CountAsync(string filter) =>
            (await reader.GetFromJsonAsync<JsonElement>($"/api/v1/releases?q=Gefilterte&{filter}")).GetProperty("totalCount").GetInt64();

        Assert.Equal(2, await CountAsync($"ownerId={owner}&cooperationId={coop}&land=06"));
        Assert.Equal(1, await CountAsync("reifegrad=3")); // only 1.0 had Reifegrad 3 in its Steckbrief
        Assert.Equal(0, await CountAsync($"ownerId={Guid.NewGuid()}"));
        Assert.Equal(0, await CountAsync("reifegrad=4"));
        Assert.Equal(0, await CountAsync("land=09"));
        Assert.NotEmpty((await Problem.ReadAsync(await reader.GetAsync("/api/v1/releases?land=99&reifegrad=7"), HttpStatusCode.BadRequest)).FieldErrors("land"));

        var adoption = await Given.AdoptionAsync(app, s);
        await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/releases/{second}/deprecate", new { reason = "Bitte warten" }), HttpStatusCode.OK);
        Assert.Equal(1, await app.Data.CountAsync("notifications n join users u on u.id = n.user_id",
            "u.email = @email and n.kind = 'release_deprecated' and n.draft_id = @draft", new { draft, email = adoption.Adopter.Editor.Email }));
    }
}
