using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;

namespace Hub.Web.Tests.Inbox;

/// <summary>"Meine Aufgaben" and the in-app inbox, on the demo data and on situations of their own, through the API and the pages.</summary>
public sealed class InboxTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private static List<string> Titles(JsonElement tasks, string list) =>
        tasks.GetProperty(list).EnumerateArray().Select(t => t.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task Tasks_FollowTheRolesOfTheDemoUsers()
    {
        var bensheim = await (await app.ApiAsync("reviewer@bensheim.demo")).GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        var mrn = await (await app.ApiAsync("reviewer@mrn.demo")).GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        var viernheim = await (await app.ApiAsync("editor@viernheim.demo")).GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        var digital = await (await app.ApiAsync("digital@bensheim.demo")).GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        var wetzlar = await (await app.ApiAsync("editor@wetzlar.demo")).GetFromJsonAsync<JsonElement>("/api/v1/tasks");

        // Urkunde 1.1 is in review with MRN's approval only: Bensheim still has to review it, MRN not.
        Assert.Contains("Urkundenanforderung Standesamt", Titles(bensheim, "awaitingMyReview"));
        Assert.DoesNotContain("Urkundenanforderung Standesamt", Titles(mrn, "awaitingMyReview"));
        Assert.Contains("Sportförderung beantragen", Titles(viernheim, "readyToRelease"));
        Assert.Contains("Grabnutzungsrecht verlängern", Titles(digital, "changesRequested"));
        // The demo's open discussion on the cemetery draft waits for Bensheim, the owner.
        Assert.Contains(digital.GetProperty("openComments").EnumerateArray(), c => c.GetProperty("draftTitle").GetString() == "Grabnutzungsrecht verlängern"
            && c.GetProperty("replies").GetInt32() == 1);
        Assert.DoesNotContain("Urkundenanforderung Standesamt", Titles(wetzlar, "awaitingMyReview"));
        Assert.Empty(Titles(wetzlar, "readyToRelease"));
        // The cooperation's coordinator belongs to no organization: the approved draft is hers to release, nothing else is hers.
        var coordinator = await (await app.ApiAsync("coordinator@viernheim.demo")).GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        Assert.Contains("Sportförderung beantragen", Titles(coordinator, "readyToRelease"));
        Assert.Empty(Titles(coordinator, "awaitingMyReview"));
        Assert.Empty(Titles(coordinator, "changesRequested"));
        // The start page counts in words a German reader expects: one answer, not "1 Antworten".
        var start = Html.Parse(await (await app.SignedInAsync("digital@bensheim.demo")).GetStringAsync("/"));
        Assert.Contains(start.QuerySelectorAll("section[aria-labelledby='s-aufgaben'] li"), li => li.TextContent.EndsWith("(Zwingenberg), eine Antwort", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OpenComment_IsATaskForTheOwnerUntilResolved()
    {
        var s = await Given.DraftAsync(app, "Aufgabe aus Kommentar");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var partner = await app.ApiAsync(s.Reviewers[0]);
        var comment = await DraftApi.JsonAsync(await partner.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Bitte Gebühren nennen." }), HttpStatusCode.Created);

        var before = await editor.GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        await DraftApi.JsonAsync(await editor.PostAsync($"/api/v1/comments/{comment.GetProperty("id").GetGuid()}/resolve", null), HttpStatusCode.OK);
        var after = await editor.GetFromJsonAsync<JsonElement>("/api/v1/tasks");

        Assert.Contains(before.GetProperty("openComments").EnumerateArray(), c => c.GetProperty("draftId").GetGuid() == id);
        Assert.DoesNotContain(after.GetProperty("openComments").EnumerateArray(), c => c.GetProperty("draftId").GetGuid() == id);
    }

    [Fact]
    public async Task AnsweredThread_IsATaskForWhoStartedIt_AndNoThreadOfAWithdrawnDraftIsOne()
    {
        var s = await Given.DraftAsync(app, "Antwort auf meine Frage");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var partner = await app.ApiAsync(s.Reviewers[0]);
        var question = (await DraftApi.JsonAsync(await partner.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Welche Gebühr?" }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        bool Listed(JsonElement tasks) => tasks.GetProperty("openComments").EnumerateArray().Any(c => c.GetProperty("commentId").GetGuid() == question);

        var unanswered = await partner.GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "12 €.", parentId = question }), HttpStatusCode.Created);
        var answered = await partner.GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        var owners = await editor.GetFromJsonAsync<JsonElement>("/api/v1/tasks");
        await DraftApi.JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/withdraw", new { reason = "Doppelt" }), HttpStatusCode.OK);

        Assert.False(Listed(unanswered));
        Assert.True(Listed(answered));
        Assert.Contains(answered.GetProperty("openComments").EnumerateArray(), c => c.GetProperty("commentId").GetGuid() == question
            && c.GetProperty("draftTitle").GetString() == "Antwort auf meine Frage" && c.GetProperty("replies").GetInt32() == 1);
        Assert.True(Listed(owners));
        Assert.False(Listed(await partner.GetFromJsonAsync<JsonElement>("/api/v1/tasks")));
        Assert.False(Listed(await editor.GetFromJsonAsync<JsonElement>("/api/v1/tasks")));
    }

    [Fact]
    public async Task Inbox_RendersTheTextAndMarksRead()
    {
        var s = await Given.DraftInReviewAsync(app, "Posteingangstest");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var reviewer = await app.ApiAsync(s.Reviewers[1]);

        var inbox = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/inbox?unread=true");
        var mine = inbox.GetProperty("items").EnumerateArray().First(n => n.GetProperty("draftId").GetGuid() == id);
        var marked = await DraftApi.JsonAsync(await reviewer.PostAsJsonAsync("/api/v1/inbox/read", new { ids = new[] { mine.GetProperty("id").GetGuid() } }), HttpStatusCode.OK);
        var afterwards = await reviewer.GetFromJsonAsync<JsonElement>("/api/v1/inbox?unread=true");
        var othersCannot = await DraftApi.JsonAsync(await editor.PostAsJsonAsync("/api/v1/inbox/read", new { ids = new[] { mine.GetProperty("id").GetGuid() } }), HttpStatusCode.OK);

        Assert.Equal("review_requested", mine.GetProperty("kind").GetString());
        Assert.Equal("„Posteingangstest“ (Fassung 1) wartet auf Ihre Prüfung.", mine.GetProperty("text").GetString());
        Assert.Equal($"/entwuerfe/{id}", mine.GetProperty("link").GetString());
        Assert.Equal(1, marked.GetProperty("marked").GetInt32());
        Assert.Equal(inbox.GetProperty("unreadCount").GetInt32() - 1, afterwards.GetProperty("unreadCount").GetInt32());
        Assert.Equal(0, othersCannot.GetProperty("marked").GetInt32());
    }

    [Fact]
    public async Task StartPageAndInboxPage_ShowTasksAndNotifications_AndReadingLeadsToTheDraft()
    {
        var s = await Given.DraftInReviewAsync(app, "Urkundenanforderung Standesamt");
        var reviewer = await app.SignedInAsync(s.Reviewers[0]);

        var start = Html.Parse(await reviewer.GetStringAsync("/"));
        var page = Html.Parse(await reviewer.GetStringAsync("/posteingang"));
        var first = page.QuerySelector(".hub-inbox input[name='id']")!.GetAttribute("value")!;
        var read = await HubWebFactory.PostFormAsync(reviewer, "/posteingang", "/posteingang/gelesen", new() { ["id"] = first });

        Assert.Contains(start.QuerySelectorAll("section[aria-labelledby='s-aufgaben'] a"), a => a.TextContent == "Urkundenanforderung Standesamt");
        Assert.NotEmpty(page.QuerySelectorAll(".hub-inbox li"));
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.StartsWith("/entwuerfe/", read.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await app.Data.CountAsync("notifications", "id = @id and read_at is not null", new { id = Guid.Parse(first) }));
    }
}
