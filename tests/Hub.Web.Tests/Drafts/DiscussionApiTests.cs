using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

/// <summary>Comments (threads, anchors, resolve), revision diffs and the audit trail through the API.</summary>
public sealed class DiscussionApiTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task Comments_ThreadWithAnchorAndReply_ThenResolvedByTheOwner()
    {
        var s = await Given.DraftAsync(app, "Kommentierter Dienst");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var partner = await app.ApiAsync(s.Reviewers[0]);

        var root = await DraftApi.JsonAsync(await partner.PostAsJsonAsync($"/api/v1/drafts/{id}/comments",
            new { body = "Welche **Nachweise** genau?", revision = 1, anchor = "nachweise" }), HttpStatusCode.Created);
        var rootId = root.GetProperty("id").GetGuid();
        var reply = await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/comments",
            new { body = "Personalausweis genügt.", parentId = rootId }), HttpStatusCode.Created);
        // A reply to a reply joins the same thread.
        var nested = await DraftApi.JsonAsync(await partner.PostAsJsonAsync($"/api/v1/drafts/{id}/comments",
            new { body = "Danke.", parentId = reply.GetProperty("id").GetGuid() }), HttpStatusCode.Created);

        Assert.Equal("nachweise", root.GetProperty("anchor").GetString());
        Assert.Equal(s.Partners[0].Name, root.GetProperty("organizationName").GetString());
        Assert.Contains("<strong>Nachweise</strong>", root.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal(rootId, nested.GetProperty("parentId").GetGuid());
        var threads = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}/comments");
        Assert.Equal(2, threads[0].GetProperty("replies").GetArrayLength());
        Assert.False(threads[0].GetProperty("resolved").GetBoolean());
        // The owner's editors heard of the new thread, the thread's author of the reply.
        Assert.Equal(1, await app.Data.CountAsync("notifications n join users u on u.id = n.user_id",
            "u.email = @email and n.kind = 'commented' and n.draft_id = @id", new { id, email = s.Editor.Email }));
        Assert.Equal(1, await app.Data.CountAsync("notifications n join users u on u.id = n.user_id",
            "u.email = @email and n.kind = 'replied' and n.draft_id = @id", new { id, email = s.Reviewers[0].Email }));

        var resolved = await DraftApi.JsonAsync(await editor.PostAsync($"/api/v1/comments/{rootId}/resolve", null), HttpStatusCode.OK);
        Assert.NotEqual(JsonValueKind.Null, resolved.GetProperty("resolvedAt").ValueKind);
        var again = await Problem.ReadAsync(await partner.PostAsync($"/api/v1/comments/{rootId}/resolve", null), HttpStatusCode.Conflict);
        Assert.Equal("already_resolved", again.Code);
        var late = await Problem.ReadAsync(await partner.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Noch was", parentId = rootId }), HttpStatusCode.Conflict);
        Assert.Equal("thread_resolved", late.Code);
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @id and action = 'comment_resolved'", new { id }));
        Assert.Equal(3, await app.Data.CountAsync("audit_events", "entity_id = @id and action in ('commented', 'replied')", new { id }));
    }

    [Theory]
    [InlineData("{\"body\":\"\"}", "body")]
    [InlineData("{\"body\":\"x\",\"anchor\":\"gibt-es-nicht\"}", "anchor")]
    [InlineData("{\"body\":\"x\",\"revision\":7}", "revision")]
    [InlineData("{\"body\":\"x\",\"parentId\":\"6f1c1d0e-0000-4000-8000-000000000000\"}", "parentId")]
    public async Task Comment_BadInput_Is400NamingTheField(string json, string field)
    {
        var s = await Given.DraftAsync(app, "Fehlerhafte Kommentare");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);

        var response = await editor.PostAsync($"/api/v1/drafts/{id}/comments", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.NotEmpty((await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).FieldErrors(field));
        Assert.Equal(0, await app.Data.CountAsync("comments", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task Resolve_ByAPartnerWhoDidNotStartTheThread_Is403_AndOutsidersGet404()
    {
        var s = await Given.DraftAsync(app, "Fremd erledigen");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var root = await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Frage an alle" }), HttpStatusCode.Created);
        var rootId = root.GetProperty("id").GetGuid();

        var partner = await Problem.ReadAsync(await (await app.ApiAsync(s.Reviewers[0])).PostAsync($"/api/v1/comments/{rootId}/resolve", null), HttpStatusCode.Forbidden);
        var outsider = await Problem.ReadAsync(await (await app.ApiAsync((await Given.OutsiderAsync(app)).Editor)).PostAsync($"/api/v1/comments/{rootId}/resolve", null), HttpStatusCode.NotFound);
        var unknown = await Problem.ReadAsync(await editor.PostAsync($"/api/v1/comments/{Guid.NewGuid()}/resolve", null), HttpStatusCode.NotFound);

        Assert.Equal("not_allowed_to_resolve", partner.Code);
        Assert.Equal(unknown.Title, outsider.Title);
        Assert.Equal(0, await app.Data.CountAsync("comments", "id = @rootId and resolved_at is not null", new { rootId }));
    }

    [Fact]
    public async Task Diff_BetweenTwoRevisions_ShowsInsertedAndDeletedLinesPerField()
    {
        var s = await Given.DraftAsync(app, "Vergleich");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new
        {
            title = "Vergleich",
            summary = "Geburts-, Ehe- und Sterbeurkunden online anfordern.",
            body = "## Ablauf\n\n1. Antrag stellen\n2. Online bezahlen\n\n## Nachweise\n\nPersonalausweis",
            platform = "civento",
            targetReifegrad = 4,
            baseRevision = 1,
        }), HttpStatusCode.OK);

        var diff = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}/diff?from=1&to=2");
        var bad = await Problem.ReadAsync(await editor.GetAsync($"/api/v1/drafts/{id}/diff?from=0&to=9"), HttpStatusCode.BadRequest);

        var fields = diff.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        Assert.True(fields["body"].GetProperty("changed").GetBoolean());
        Assert.False(fields["title"].GetProperty("changed").GetBoolean());
        var lines = fields["body"].GetProperty("lines").EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("kind").GetString() == "deleted" && l.GetProperty("text").GetString() == "2. Bezahlen");
        Assert.Contains(lines, l => l.GetProperty("kind").GetString() == "inserted" && l.GetProperty("text").GetString() == "2. Online bezahlen");
        Assert.True(fields["targetReifegrad"].GetProperty("changed").GetBoolean());
        Assert.Equal(2, diff.GetProperty("insertedLines").GetInt32());
        Assert.NotEmpty(bad.FieldErrors("from"));
        Assert.NotEmpty(bad.FieldErrors("to"));
    }

    [Fact]
    public async Task Audit_DraftHistory_NamesWhoActingForWhichOrganizationWhatAndWhen()
    {
        var s = await Given.DraftAsync(app, "Protokolliert");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        await DraftApi.JsonAsync(await (await app.ApiAsync(s.Reviewers[0])).PostAsJsonAsync($"/api/v1/drafts/{id}/reviews",
            new { verdict = "request_changes", body = "Bitte Gebühren ergänzen." }), HttpStatusCode.Created);

        var audit = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/audit?entityType=draft&entityId={id}");
        var bad = await Problem.ReadAsync(await editor.GetAsync($"/api/v1/audit?entityType=secret&entityId={id}"), HttpStatusCode.BadRequest);

        var items = audit.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["changes_requested", "submitted", "created"], items.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(s.Partners[0].Name, items[0].GetProperty("actingOrganizationName").GetString());
        Assert.Equal("in_review", items[0].GetProperty("before").GetProperty("status").GetString());
        Assert.Equal("changes_requested", items[0].GetProperty("after").GetProperty("status").GetString());
        Assert.NotEmpty(bad.FieldErrors("entityType"));

        // Other organizations' and cooperations' histories stay with their members.
        var (owner, coop) = (s.Lead.Id, s.CooperationId);
        var stranger = await app.ApiAsync((await Given.OutsiderAsync(app)).Editor);
        await Problem.ReadAsync(await stranger.GetAsync($"/api/v1/audit?entityType=organization&entityId={owner}"), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await stranger.GetAsync($"/api/v1/audit?entityType=cooperation&entityId={coop}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/v1/audit?entityType=cooperation&entityId={coop}")).StatusCode);
    }

    [Fact]
    public async Task AttackCorpus_InBodyCommentAndReleaseNotes_IsInertOnThePagesAndTheCspForbidsInlineScript()
    {
        var corpus = string.Join("\n\n", Hub.Web.Tests.Common.MarkdownRendererTests.Corpus);
        var s = await Given.DraftAsync(app, "Angriffskorpus");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Angriffskorpus", body = corpus, baseRevision = 1 }), HttpStatusCode.OK);
        await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = corpus }), HttpStatusCode.Created);
        var release = await Given.ReleaseAsync(app, s, corpus);

        var browser = await app.SignedInAsync(s.Editor);
        foreach (var path in new[] { $"/entwuerfe/{id}", $"/entwuerfe/{id}/fassungen/2", $"/freigaben/{release.ReleaseId}" })
        {
            var response = await browser.GetAsync(path);
            var doc = await Html.ParseAsync(response);
            var rendered = doc.QuerySelectorAll(".hub-markdown").SelectMany(m => m.QuerySelectorAll("*")).ToList();
            Assert.NotEmpty(rendered);
            Hub.Web.Tests.Common.MarkdownRendererTests.AssertInert(rendered, path);
            Assert.Empty(doc.QuerySelectorAll(".hub-markdown script, .hub-markdown a[href^='javascript' i]"));
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Contains("script-src", csp, StringComparison.Ordinal);
        }
    }
}
