using System.Net;
using System.Net.Http.Json;
using Dapper;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

public sealed class DraftPageTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private const string NewIn11 = Given.Body + "\n\n## Neu in 1.1\n\nBezahlen mit giropay und PayPal.";

    [Fact]
    public async Task Edit_StaleBaseRevision_Is409AndKeepsTheUsersText()
    {
        var s = await Given.DraftAsync(app, "Ehrenamtskarte");
        var id = s.DraftId;
        var editor = await app.SignedInAsync(s.Editor);
        var path = $"/entwuerfe/{id}/bearbeiten";
        // Somebody else saved in between: revision 1 is no longer current.
        var other = await HubWebFactory.PostFormAsync(await app.SignedInAsync(s.Editor), path, path,
            new() { ["Form.Title"] = "Ehrenamtskarte", ["Form.Body"] = "Fremde Änderung", ["Form.BaseRevision"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);

        var mine = await HubWebFactory.PostFormAsync(editor, path, path,
            new() { ["Form.Title"] = "Ehrenamtskarte", ["Form.Body"] = "Meine lange Beschreibung", ["Form.BaseRevision"] = "1" });

        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
        var doc = await Html.ParseAsync(mine);
        Assert.Equal("Meine lange Beschreibung", doc.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Contains("veraltet", doc.QuerySelector(".kern-alert--danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await app.Data.CountAsync("draft_revisions", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task DraftPages_OutsideTheCooperation_Are404()
    {
        var id = (await Given.DraftAsync(app, "Ehrenamtskarte")).DraftId;
        var stranger = await app.SignedInAsync((await Given.OutsiderAsync(app)).Editor);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/entwuerfe/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/entwuerfe/{id}/bearbeiten")).StatusCode);
        Assert.DoesNotContain("Ehrenamtskarte", await stranger.GetStringAsync("/entwuerfe"), StringComparison.Ordinal);
        var post = await HubWebFactory.PostFormAsync(stranger, "/entwuerfe", $"/entwuerfe/{id}/zurueckziehen", new() { ["reason"] = "weg damit" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("drafts", "id = @id and status = 'withdrawn'", new { id }));
        foreach (var path in new[] { "/vergleich?von=1&bis=1", "/fassungen/1", "/verlauf" })
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/entwuerfe/{id}{path}")).StatusCode);
        var comment = await HubWebFactory.PostFormAsync(stranger, "/entwuerfe", $"/entwuerfe/{id}/kommentare", new() { ["body"] = "Hallo?" });
        Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("comments", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task DraftPage_KeptForInsiders_IsStill404ForOutsiders_AndShowsEveryChangeAtOnce()
    {
        var s = await Given.DraftAsync(app, "Gehaltene Seite");
        var id = s.DraftId;
        var editorApi = await app.ApiAsync(s.Editor);
        var editor = await app.SignedInAsync(s.Editor);
        var page = $"/entwuerfe/{id}";
        // The insiders' views fill the kept state of the page; outsiders asking for the same state get nothing of it.
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(page)).StatusCode);
        var outsider = await (await app.SignedInAsync((await Given.OutsiderAsync(app)).Editor)).GetAsync(page);
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.DoesNotContain("Gehaltene Seite", await outsider.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Changes by others (API, another user) and directly in the database show on the next view.
        var reviewer = await app.ApiAsync(s.Reviewers[0]);
        await DraftApi.JsonAsync(await reviewer.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Frisch gesehen?" }), HttpStatusCode.Created);
        Assert.Contains("Frisch gesehen?", await editor.GetStringAsync(page), StringComparison.Ordinal);
        await DraftApi.JsonAsync(await editorApi.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Gehaltene Seite, zweite Fassung", body = "## Ablauf\n\nNeu", baseRevision = 1 }), HttpStatusCode.OK);
        Assert.Contains("Gehaltene Seite, zweite Fassung", await editor.GetStringAsync(page), StringComparison.Ordinal);
        await using var conn = await app.DataSource.OpenConnectionAsync();
        const string rename = "update cooperations set name = @name where id = (select cooperation_id from drafts where id = @id)";
        var name = await conn.QuerySingleAsync<string>("select c.name from cooperations c join drafts d on d.cooperation_id = c.id where d.id = @id", new { id });
        await conn.ExecuteAsync(rename, new { id, name = name + " (umbenannt)" });
        try
        {
            Assert.Contains(name + " (umbenannt)", await editor.GetStringAsync(page), StringComparison.Ordinal);
        }
        finally
        {
            await conn.ExecuteAsync(rename, new { id, name });
        }
    }

    [Fact]
    public async Task DraftList_FiltersByStatusCooperationAndOrganization_OfferingOnlyVisibleOnes()
    {
        // One cooperation with an approved draft and one in review; a draft of another organization elsewhere.
        var s = await Given.ApprovedDraftAsync(app, "Sportförderung beantragen");
        await Given.DraftInReviewAsync(app, "Noch in Prüfung", s);
        await Given.DraftAsync(app, "Anderswo");
        var observer = await app.SignedInAsync(await Given.ObserverAsync(app));
        var outsider = await app.SignedInAsync((await Given.OutsiderAsync(app)).Editor);
        var page = Html.Parse(await observer.GetStringAsync("/entwuerfe"));
        var lead = page.QuerySelectorAll("#organisation option").Single(o => o.TextContent == s.Lead.Name).GetAttribute("value");
        var cooperation = page.QuerySelectorAll("#verbund option").Single(o => o.TextContent == s.CooperationName).GetAttribute("value");

        var byOrganization = Html.Parse(await observer.GetStringAsync($"/entwuerfe?organisation={lead}"));
        var byCooperation = Html.Parse(await observer.GetStringAsync($"/entwuerfe?verbund={cooperation}&status=approved"));
        var outsiderPage = Html.Parse(await outsider.GetStringAsync("/entwuerfe"));

        Assert.All(byOrganization.QuerySelectorAll("tbody tr td:nth-child(3)"), td => Assert.Equal(s.Lead.Name, td.TextContent));
        Assert.NotEmpty(byOrganization.QuerySelectorAll("tbody tr"));
        Assert.Equal(["Sportförderung beantragen"], byCooperation.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.DoesNotContain(outsiderPage.QuerySelectorAll("#verbund option"), o => o.TextContent == s.CooperationName);
        Assert.DoesNotContain(outsiderPage.QuerySelectorAll("#organisation option"), o => o.TextContent == s.Lead.Name);
    }

    [Fact]
    public async Task Discussion_CommentOnASectionReplyAndResolve_ThroughThePage()
    {
        // Revision 2 has the section "Neu in 1.1".
        var s = await Given.RevisionAsync(app, await Given.DraftAsync(app), NewIn11);
        var id = s.DraftId;
        var reviewer = await app.SignedInAsync(s.Reviewers[0]);
        var editor = await app.SignedInAsync(s.Editor);
        var path = $"/entwuerfe/{id}";
        var anchor = Html.Parse(await reviewer.GetStringAsync(path)).QuerySelector("select[name='anchor'] option[value='neu-in-11']");
        Assert.NotNull(anchor);

        var posted = await HubWebFactory.PostFormAsync(reviewer, path, $"{path}/kommentare",
            new() { ["body"] = "Ist *PayPal* abgestimmt?", ["anchor"] = "neu-in-11", ["revision"] = "2" });
        var empty = await HubWebFactory.PostFormAsync(reviewer, path, $"{path}/kommentare", new() { ["body"] = " " });
        var page = Html.Parse(await editor.GetStringAsync(path));
        var thread = page.QuerySelector("article.hub-comment")!;
        var rootId = thread.Id!["kommentar-".Length..];
        var resolved = await HubWebFactory.PostFormAsync(editor, path, $"/kommentare/{rootId}/erledigen", []);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("<em>PayPal</em>", thread.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("Abschnitt „Neu in 1.1“", thread.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, resolved.StatusCode);
        var after = Html.Parse(await reviewer.GetStringAsync(path));
        Assert.Contains("Erledigt", after.QuerySelector($"#kommentar-{rootId}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(after.QuerySelectorAll("section[aria-labelledby='s-verlauf'] li"), li => li.TextContent.Contains("hat eine Diskussion als erledigt markiert", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DiffPage_InlineAndSideBySide_ShowTheNewSection()
    {
        // Revision 1 released as 1.0; revision 2 adds "Neu in 1.1", revision 3 "Neu in 1.2".
        var released = await Given.ReleaseAsync(app);
        await Given.RevisionAsync(app, released, NewIn11);
        var id = (await Given.RevisionAsync(app, released, NewIn11 + "\n\n## Neu in 1.2\n\nUrkunden zusätzlich als elektronisch beglaubigtes PDF.")).DraftId;
        var observer = await app.SignedInAsync(await Given.ObserverAsync(app));

        var inline = Html.Parse(await observer.GetStringAsync($"/entwuerfe/{id}/vergleich?von=1&bis=2"));
        var sides = Html.Parse(await observer.GetStringAsync($"/entwuerfe/{id}/vergleich?von=1&bis=2&ansicht=nebeneinander"));
        var bad = await observer.GetAsync($"/entwuerfe/{id}/vergleich?von=1&bis=99");

        Assert.Contains(inline.QuerySelectorAll(".hub-diff--ins"), l => l.TextContent.Contains("## Neu in 1.1", StringComparison.Ordinal));
        Assert.Contains(sides.QuerySelectorAll("table.hub-diff td.hub-diff--ins"), td => td.TextContent.Contains("giropay", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var timeline = Html.Parse(await observer.GetStringAsync($"/entwuerfe/{id}/verlauf"));
        Assert.Contains(timeline.QuerySelectorAll("li"), li => li.TextContent.Contains("hat Version 1.0 freigegeben", StringComparison.Ordinal));
        var draftPage = Html.Parse(await observer.GetStringAsync($"/entwuerfe/{id}"));
        Assert.Contains(draftPage.QuerySelectorAll("section[aria-labelledby='s-freigaben'] a"), a => a.TextContent == "Version 1.0");
        var revision = Html.Parse(await observer.GetStringAsync($"/entwuerfe/{id}/fassungen/1"));
        Assert.DoesNotContain("Neu in 1.1", revision.QuerySelector(".hub-markdown")!.TextContent, StringComparison.Ordinal);

        // The current revision comes with the draft's own read; older ones, and the comparison the other way round, are read apart.
        var current = Html.Parse(await observer.GetStringAsync($"/entwuerfe/{id}/fassungen/3"));
        Assert.Contains("Neu in 1.2", current.QuerySelector(".hub-markdown")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync($"/entwuerfe/{id}/fassungen/4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await observer.GetAsync($"/entwuerfe/{id}/fassungen/0")).StatusCode);
        var backwards = Html.Parse(await observer.GetStringAsync($"/entwuerfe/{id}/vergleich?von=3&bis=1"));
        Assert.Contains(backwards.QuerySelectorAll(".hub-diff--del"), l => l.TextContent.Contains("## Neu in 1.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_MissingTitle_ShowsFieldError_ThenCreates()
    {
        var editor = await app.SignedInAsync((await Given.CooperationAsync(app)).Editor);
        var form = await editor.GetStringAsync("/entwuerfe/neu");
        var choice = Html.Parse(form).QuerySelector("select[name='Form.Choice'] option")!.GetAttribute("value")!;

        var bad = await HubWebFactory.PostFormAsync(editor, "/entwuerfe/neu", "/entwuerfe/neu", new() { ["Form.Choice"] = choice, ["Form.Title"] = "" });
        var good = await HubWebFactory.PostFormAsync(editor, "/entwuerfe/neu", "/entwuerfe/neu", new() { ["Form.Choice"] = choice, ["Form.Title"] = "Hundesteuer an- und abmelden" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotEmpty((await Html.ParseAsync(bad)).QuerySelector("[data-valmsg-for='Form.Title']")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Hundesteuer", await editor.GetStringAsync(good.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_WithoutAntiforgeryToken_IsRejected()
    {
        var s = await Given.DraftInReviewAsync(app);
        var id = s.DraftId;
        var reviewer = await app.SignedInAsync(s.Reviewers[0]);

        var response = await reviewer.PostAsync($"/entwuerfe/{id}/pruefen", new FormUrlEncodedContent(new Dictionary<string, string> { ["verdict"] = "approve" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("reviews", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task Review_Verdict_ThePageSaysTheReviewWasSaved()
    {
        var (editorApi, id) = await DraftApi.NewDraftAsync(app, "Prüfmeldung");
        await DraftApi.JsonAsync(await editorApi.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        var reviewer = await app.SignedInAsync("reviewer@bensheim.demo");
        var path = $"/entwuerfe/{id}";

        var response = await HubWebFactory.PostFormAsync(reviewer, path, $"{path}/pruefen", new() { ["verdict"] = "comment", ["body"] = "Bitte die Gebühren ergänzen." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = Html.Parse(await reviewer.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal("Ihre Prüfung wurde gespeichert.", page.QuerySelector(".kern-alert--success")!.TextContent.Trim());
    }

    [Fact]
    public async Task Save_AfterChangesRequested_ThePageSaysToSubmitAgain()
    {
        var (editorApi, id) = await DraftApi.NewDraftAsync(app, "Überarbeitungsmeldung");
        await DraftApi.JsonAsync(await editorApi.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        var reviewerApi = await app.ApiAsync("reviewer@bensheim.demo");
        await DraftApi.JsonAsync(await reviewerApi.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "request_changes", body = "Nachweise fehlen." }), HttpStatusCode.Created);
        var editor = await app.SignedInAsync("editor@viernheim.demo");
        var path = $"/entwuerfe/{id}/bearbeiten";

        var revised = await HubWebFactory.PostFormAsync(editor, path, path,
            new() { ["Form.Title"] = "Überarbeitungsmeldung", ["Form.Body"] = "## Nachweise\n\nPersonalausweis", ["Form.BaseRevision"] = "1" });
        var saved = await HubWebFactory.PostFormAsync(editor, path, path,
            new() { ["Form.Title"] = "Überarbeitungsmeldung", ["Form.Body"] = "## Nachweise\n\nPersonalausweis oder Reisepass", ["Form.BaseRevision"] = "2" });

        var afterRevision = Html.Parse(await editor.GetStringAsync(revised.Headers.Location!.OriginalString));
        var afterSave = Html.Parse(await editor.GetStringAsync(saved.Headers.Location!.OriginalString));
        Assert.Contains("muss erneut zur Prüfung eingereicht werden", afterRevision.QuerySelector(".kern-alert--success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Reichen Sie den Entwurf zur Prüfung ein", afterSave.QuerySelector(".kern-alert--success")!.TextContent, StringComparison.Ordinal);
    }
}
