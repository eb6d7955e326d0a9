using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

/// <summary>The EfA lifecycle driven through the API as a script would, on the demo's Viernheim cooperation.</summary>
public sealed class DraftsApiTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private Task<(Guid Viernheim, Guid Cooperation)> ViernheimAsync() => DraftApi.ViernheimAsync(app);

    private Task<(HttpClient Editor, Guid Id)> NewDraftAsync(string title = "Testdienst Urkunden") => DraftApi.NewDraftAsync(app, title);

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected) => DraftApi.JsonAsync(response, expected);

    [Fact]
    public async Task Demo_HasDraftsInEveryState_AndTheUrkundeIsReleasedAndInReviewForTheNextVersion()
    {
        var observer = await app.ApiAsync("observer@hmdis.demo");

        var list = await observer.GetFromJsonAsync<JsonElement>("/api/v1/drafts?pageSize=200");
        var statuses = list.GetProperty("items").EnumerateArray().Select(d => d.GetProperty("status").GetString()).ToHashSet();
        var urkundeId = list.GetProperty("items").EnumerateArray().First(d => d.GetProperty("title").GetString() == "Urkundenanforderung Standesamt").GetProperty("id").GetGuid();
        var urkunde = await observer.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{urkundeId}");

        Assert.Superset(new HashSet<string?> { "draft", "in_review", "changes_requested", "approved", "withdrawn" }, statuses);
        Assert.Equal("in_review", urkunde.GetProperty("status").GetString());
        Assert.Equal("1.1", urkunde.GetProperty("latestVersion").GetString());
        Assert.Equal(3, urkunde.GetProperty("revision").GetInt32());
        Assert.Equal(["1.1", "1.0"], (await observer.GetFromJsonAsync<JsonElement>("/api/v1/releases?q=Urkundenanforderung")).GetProperty("items").EnumerateArray()
            .Select(r => r.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task Lifecycle_DraftChangesRequestedReviseTwoApprovalsRelease_EndsAsVersion10()
    {
        var (editor, id) = await NewDraftAsync();
        var bensheim = await app.ApiAsync("reviewer@bensheim.demo");
        var kreis = await app.ApiAsync("reviewer@bergstrasse.demo");

        var created = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}");
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(1, created.GetProperty("revision").GetInt32());
        Assert.Equal(2, created.GetProperty("requiredApprovals").GetInt32());
        Assert.Contains("<h2", created.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);

        var submitted = await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        Assert.Equal("in_review", submitted.GetProperty("status").GetString());
        // The partners' reviewers and admins are told; nobody of the owner is.
        await using (var conn = await app.DataSource.OpenConnectionAsync())
        {
            var told = (await conn.QueryAsync<string>(
                "select u.email from notifications n join users u on u.id = n.user_id where n.draft_id = @id and n.kind = 'review_requested' order by u.email",
                new { id })).ToList();
            Assert.Equal(["digital@bensheim.demo", "reviewer@bensheim.demo", "reviewer@bergstrasse.demo", "reviewer@mrn.demo"], told);
        }

        var changes = await JsonAsync(await bensheim.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews",
            new { verdict = "request_changes", body = "Bitte die **Gebühren** ergänzen." }), HttpStatusCode.Created);
        Assert.Equal("changes_requested", changes.GetProperty("status").GetString());

        var saved = await JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new
        {
            title = "Testdienst Urkunden", body = "## Ablauf\n\nNeu\n\n## Gebühren\n\n12 € je Urkunde", fees = "12 € je Urkunde", baseRevision = 1,
        }), HttpStatusCode.OK);
        Assert.Equal(2, saved.GetProperty("revision").GetInt32());
        Assert.Equal("draft", saved.GetProperty("status").GetString());

        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 2 }), HttpStatusCode.OK);
        var first = await JsonAsync(await bensheim.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve", body = "" }), HttpStatusCode.Created);
        Assert.Equal("in_review", first.GetProperty("status").GetString());
        var second = await JsonAsync(await kreis.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve", body = "Passt." }), HttpStatusCode.Created);
        Assert.Equal("approved", second.GetProperty("status").GetString());

        var approved = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}");
        Assert.Equal(2, approved.GetProperty("approvals").GetArrayLength());
        Assert.All(approved.GetProperty("approvals").EnumerateArray(), a => Assert.Equal(2, a.GetProperty("revision").GetInt32()));

        var release = await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/release", new { notes = "Erste Fassung für alle." });
        var released = await JsonAsync(release, HttpStatusCode.Created);
        Assert.Equal("1.0", released.GetProperty("version").GetString());
        Assert.Equal("released", released.GetProperty("status").GetString());

        // Any signed-in user reads the release, even from outside the cooperation.
        var outsider = await app.ApiAsync("editor@wetzlar.demo");
        var releaseBody = await outsider.GetFromJsonAsync<JsonElement>(release.Headers.Location!.OriginalString);
        Assert.Equal("Testdienst Urkunden", releaseBody.GetProperty("release").GetProperty("title").GetString());
        Assert.Equal(2, releaseBody.GetProperty("release").GetProperty("revision").GetInt32());
        Assert.Equal(2, releaseBody.GetProperty("approvals").GetArrayLength());

        var reviews = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}/reviews");
        Assert.Equal(["request_changes", "approve", "approve"], reviews.EnumerateArray().Select(r => r.GetProperty("verdict").GetString()));
        Assert.Equal(2, (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}/revisions")).GetArrayLength());
        Assert.Equal(
            ["created", "submitted", "changes_requested", "revised", "submitted", "approved", "approved", "released"],
            await AuditActionsAsync(id));
    }

    [Fact]
    public async Task NextVersion_EditAfterRelease_ReleasesAs11_OrAs20WhenBreaking()
    {
        var (editor, id) = await NewDraftAsync("Sportförderung beantragen");
        await ApproveAndReleaseAsync(editor, id, 1, breaking: false);

        await JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Sportförderung beantragen", body = "v1.1", baseRevision = 1 }), HttpStatusCode.OK);
        var minor = await ApproveAndReleaseAsync(editor, id, 2, breaking: false);
        await JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Sportförderung beantragen", body = "v2", baseRevision = 2 }), HttpStatusCode.OK);
        var major = await ApproveAndReleaseAsync(editor, id, 3, breaking: true);

        Assert.Equal("1.1", minor);
        Assert.Equal("2.0", major);
    }

    private async Task<string> ApproveAndReleaseAsync(HttpClient editor, Guid id, int revision, bool breaking) =>
        (await DraftApi.ApproveAndReleaseAsync(app, editor, id, revision, breaking)).GetProperty("version").GetString()!;

    [Fact]
    public async Task Isolation_EditorOutsideTheCooperation_Gets404ForEverything_LikeAnUnknownId()
    {
        var (_, id) = await NewDraftAsync("Nur für den Verbund");
        var wetzlar = await app.ApiAsync("editor@wetzlar.demo");
        var zwingenberg = await app.ApiAsync("editor@zwingenberg.demo");

        foreach (var client in new[] { wetzlar, zwingenberg })
        {
            foreach (var path in new[] { "", "/revisions", "/revisions/1", "/reviews", "/comments", "/diff?from=1&to=1" })
            {
                var foreign = await Problem.ReadAsync(await client.GetAsync($"/api/v1/drafts/{id}{path}"), HttpStatusCode.NotFound);
                var unknown = await Problem.ReadAsync(await client.GetAsync($"/api/v1/drafts/{Guid.NewGuid()}{path}"), HttpStatusCode.NotFound);
                Assert.Equal(unknown.Title, foreign.Title);
            }

            await Problem.ReadAsync(await client.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.NotFound);
            await Problem.ReadAsync(await client.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve" }), HttpStatusCode.NotFound);
            await Problem.ReadAsync(await client.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Hallo" }), HttpStatusCode.NotFound);
            await Problem.ReadAsync(await client.GetAsync($"/api/v1/audit?entityType=draft&entityId={id}"), HttpStatusCode.NotFound);
            var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/drafts?pageSize=200");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        }
    }

    [Fact]
    public async Task Observer_ReadsEverythingInHessen_ButEveryWriteIs403()
    {
        var (editor, id) = await NewDraftAsync("Beobachtet");
        var observer = await app.ApiAsync("observer@hmdis.demo");

        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/v1/drafts/{id}")).StatusCode);
        Assert.Contains((await observer.GetFromJsonAsync<JsonElement>("/api/v1/drafts?pageSize=200")).GetProperty("items").EnumerateArray(),
            d => d.GetProperty("id").GetGuid() == id);
        await Problem.ReadAsync(await observer.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "x", baseRevision = 1 }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await observer.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await observer.PostAsJsonAsync($"/api/v1/drafts/{id}/withdraw", new { reason = "x" }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await observer.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Beobachtung" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/v1/drafts/{id}/comments")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/v1/audit?entityType=draft&entityId={id}")).StatusCode);
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        await Problem.ReadAsync(await observer.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve" }), HttpStatusCode.Forbidden);
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @id and action = 'submitted'", new { id }));
    }

    [Fact]
    public async Task Review_OwnOrganizationsReviewer_CannotApprove()
    {
        var (editor, id) = await NewDraftAsync("Eigene Prüfung");
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        var (viernheim, _) = await ViernheimAsync();
        var (_, email) = await app.Data.UserAsync(memberships: (viernheim, "reviewer"));
        var ownReviewer = await app.ApiAsync(email, Hub.Testing.TestData.Password);

        var problem = await Problem.ReadAsync(await ownReviewer.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve" }), HttpStatusCode.Forbidden);

        Assert.Equal("forbidden", problem.Code);
        Assert.Equal(0, await app.Data.CountAsync("reviews", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task IllegalTransition_Is409NamingTheCurrentState()
    {
        var (editor, id) = await NewDraftAsync("Noch nicht eingereicht");

        var problem = await Problem.ReadAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/release", new { notes = "zu früh" }), HttpStatusCode.Conflict);

        Assert.Equal("illegal_transition", problem.Code);
        Assert.Equal("draft", problem.Root.GetProperty("currentStatus").GetString());
        Assert.Contains("Entwurf", problem.Title, StringComparison.Ordinal);
        Assert.Equal(0, await app.Data.CountAsync("releases", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task Concurrency_TwoSavesFromTheSameBase_OneWinsTheOtherGets409AndNothingIsLost()
    {
        var (editor, id) = await NewDraftAsync("Zwei Bearbeiterinnen");
        var second = await app.ApiAsync("editor@viernheim.demo");

        var responses = await Task.WhenAll(
            editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Fassung A", body = "A", baseRevision = 1 }),
            second.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Fassung B", body = "B", baseRevision = 1 }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        var loser = await Problem.ReadAsync(responses.Single(r => r.StatusCode == HttpStatusCode.Conflict), HttpStatusCode.Conflict);
        Assert.Equal("stale_revision", loser.Code);
        var revisions = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}/revisions");
        Assert.Equal(2, revisions.GetArrayLength());
        var winner = (await responses.Single(r => r.IsSuccessStatusCode).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revision").GetInt32();
        Assert.Equal(2, winner);
    }

    [Fact]
    public async Task Concurrency_TwentyParallelReleases_GiveExactlyOneReleaseAndOneAuditEvent()
    {
        var (editor, id) = await NewDraftAsync("Zwanzigmal freigeben");
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        foreach (var reviewer in new[] { "reviewer@bensheim.demo", "reviewer@mrn.demo" })
            await JsonAsync(await (await app.ApiAsync(reviewer)).PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve" }), HttpStatusCode.Created);
        var coordinator = await app.ApiAsync("coordinator@viernheim.demo");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            (i % 2 == 0 ? editor : coordinator).PostAsJsonAsync($"/api/v1/drafts/{id}/release", new { notes = $"Versuch {i}" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await app.Data.CountAsync("releases", "draft_id = @id", new { id }));
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @id and action = 'released'", new { id }));
    }

    [Fact]
    public async Task Concurrency_ParallelApprovalsFromThreePartners_QuorumOfTwoCountedRight()
    {
        var (editor, id) = await NewDraftAsync("Drei Prüfungen zugleich");
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 1 }), HttpStatusCode.OK);
        var reviewers = await Task.WhenAll(new[] { "reviewer@bensheim.demo", "reviewer@bergstrasse.demo", "reviewer@mrn.demo" }.Select(e => app.ApiAsync(e)));

        var responses = await Task.WhenAll(reviewers.Select(r => r.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve" })));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var draft = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}");
        Assert.Equal("approved", draft.GetProperty("status").GetString());
        Assert.Equal(2, await app.Data.CountAsync("reviews", "draft_id = @id and verdict = 'approve'", new { id }));
    }

    public static TheoryData<object, string> BadDrafts => new()
    {
        { new { title = "" }, "title" },
        { new { title = new string('T', 201) }, "title" },
        { new { title = "X", body = new string('b', 200_001) }, "body" },
        { new { title = "X", targetReifegrad = 7 }, "targetReifegrad" },
        { new { title = "X", catalogServiceIds = new[] { "123" } }, "catalogServiceIds" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public async Task Create_BadField_Is400NamingTheField(object fields, string field)
    {
        var (org, coop) = await ViernheimAsync();
        var editor = await app.ApiAsync("editor@viernheim.demo");
        var body = JsonSerializer.SerializeToElement(fields).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        body["organizationId"] = org;
        body["cooperationId"] = coop;

        var problem = await Problem.ReadAsync(await editor.PostAsJsonAsync("/api/v1/drafts", body), HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Create_ForAnotherOrganizationOrCooperation_IsRefused()
    {
        var (org, coop) = await ViernheimAsync();
        var wetzlar = await app.ApiAsync("editor@wetzlar.demo");
        var viernheim = await app.ApiAsync("editor@viernheim.demo");
        await using var conn = await app.DataSource.OpenConnectionAsync();
        var wetzlarCoop = await conn.QuerySingleAsync<Guid>("select id from cooperations where name like 'IKZ Mittelhessen%'");
        var before = await app.Data.CountAsync("drafts");

        await Problem.ReadAsync(await wetzlar.PostAsJsonAsync("/api/v1/drafts", new { organizationId = org, cooperationId = coop, title = "Fremd" }), HttpStatusCode.Forbidden);
        var wrongCoop = await Problem.ReadAsync(await viernheim.PostAsJsonAsync("/api/v1/drafts", new { organizationId = org, cooperationId = wetzlarCoop, title = "Falscher Verbund" }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(wrongCoop.FieldErrors("cooperationId"));
        Assert.Equal(before, await app.Data.CountAsync("drafts"));
    }

    private async Task<List<string>> AuditActionsAsync(Guid id)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<string>("select action from audit_events where entity_id = @id order by occurred_at, id", new { id })).ToList();
    }
}
