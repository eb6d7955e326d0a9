using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

/// <summary>The EfA lifecycle driven through the API as a script would, each test in a cooperation of its own.</summary>
public sealed class DraftsApiTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
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
        var s = await Given.DraftAsync(app);
        // An admin on either side: the partner's is told of the review, the owner's is not.
        var (_, partnerAdmin) = await app.Data.UserAsync(memberships: (s.Partners[0].Id, "admin"));
        await app.Data.UserAsync(memberships: (s.Lead.Id, "admin"));
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var firstPartner = await app.ApiAsync(s.Reviewers[0]);
        var secondPartner = await app.ApiAsync(s.Reviewers[1]);

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
            Assert.Equal(s.Reviewers.Select(r => r.Email).Append(partnerAdmin).Order(StringComparer.Ordinal), told);
        }

        var changes = await JsonAsync(await firstPartner.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews",
            new { verdict = "request_changes", body = "Bitte die **Gebühren** ergänzen." }), HttpStatusCode.Created);
        Assert.Equal("changes_requested", changes.GetProperty("status").GetString());

        var saved = await JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new
        {
            title = "Testdienst Urkunden", body = "## Ablauf\n\nNeu\n\n## Gebühren\n\n12 € je Urkunde", fees = "12 € je Urkunde", baseRevision = 1,
        }), HttpStatusCode.OK);
        Assert.Equal(2, saved.GetProperty("revision").GetInt32());
        Assert.Equal("draft", saved.GetProperty("status").GetString());

        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision = 2 }), HttpStatusCode.OK);
        var first = await JsonAsync(await firstPartner.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve", body = "" }), HttpStatusCode.Created);
        Assert.Equal("in_review", first.GetProperty("status").GetString());
        var second = await JsonAsync(await secondPartner.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve", body = "Passt." }), HttpStatusCode.Created);
        Assert.Equal("approved", second.GetProperty("status").GetString());

        var approved = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{id}");
        Assert.Equal(2, approved.GetProperty("approvals").GetArrayLength());
        Assert.All(approved.GetProperty("approvals").EnumerateArray(), a => Assert.Equal(2, a.GetProperty("revision").GetInt32()));

        var release = await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/release", new { notes = "Erste Fassung für alle." });
        var released = await JsonAsync(release, HttpStatusCode.Created);
        Assert.Equal("1.0", released.GetProperty("version").GetString());
        Assert.Equal("released", released.GetProperty("status").GetString());

        // Any signed-in user reads the release, even from outside the cooperation.
        var outsider = await app.ApiAsync((await Given.OutsiderAsync(app)).Editor);
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
        var s = await Given.ReleaseAsync(app, "Sportförderung beantragen");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);

        await JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Sportförderung beantragen", body = "v1.1", baseRevision = 1 }), HttpStatusCode.OK);
        var minor = await ApproveAndReleaseAsync(editor, s, breaking: false);
        await JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Sportförderung beantragen", body = "v2", baseRevision = 2 }), HttpStatusCode.OK);
        var major = await ApproveAndReleaseAsync(editor, s, breaking: true);

        Assert.Equal("1.1", minor);
        Assert.Equal("2.0", major);
    }

    /// <summary>Approved as the cooperation needs, then released through the API: the version its answer names.</summary>
    private async Task<string> ApproveAndReleaseAsync(HttpClient editor, Given.Draft draft, bool breaking)
    {
        await Given.ApprovedDraftAsync(app, draft);
        var released = await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{draft.DraftId}/release", new { notes = "", breaking }), HttpStatusCode.Created);
        return released.GetProperty("version").GetString()!;
    }

    [Fact]
    public async Task Isolation_EditorOutsideTheCooperation_Gets404ForEverything_LikeAnUnknownId()
    {
        var s = await Given.DraftAsync(app, "Nur für den Verbund");
        var id = s.DraftId;
        // A stranger, and an organization that cooperates with one of the partners elsewhere.
        var stranger = await app.ApiAsync((await Given.OutsiderAsync(app)).Editor);
        var partnersPartner = await Given.OutsiderAsync(app);
        await app.Data.CooperationAsync(s.Partners[0].Id, partnersPartner.Organization.Id);

        foreach (var client in new[] { stranger, await app.ApiAsync(partnersPartner.Editor) })
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
        var s = await Given.DraftAsync(app, "Beobachtet");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var observer = await app.ApiAsync(await Given.ObserverAsync(app));

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
        var s = await Given.DraftInReviewAsync(app, "Eigene Prüfung");
        var id = s.DraftId;
        var (_, email) = await app.Data.UserAsync(memberships: (s.Lead.Id, "reviewer"));
        var ownReviewer = await app.ApiAsync(email, Hub.Testing.TestData.Password);

        var problem = await Problem.ReadAsync(await ownReviewer.PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve" }), HttpStatusCode.Forbidden);

        Assert.Equal("forbidden", problem.Code);
        Assert.Equal(0, await app.Data.CountAsync("reviews", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task IllegalTransition_Is409NamingTheCurrentState()
    {
        var s = await Given.DraftAsync(app, "Noch nicht eingereicht");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);

        var problem = await Problem.ReadAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/release", new { notes = "zu früh" }), HttpStatusCode.Conflict);

        Assert.Equal("illegal_transition", problem.Code);
        Assert.Equal("draft", problem.Root.GetProperty("currentStatus").GetString());
        Assert.Contains("Entwurf", problem.Title, StringComparison.Ordinal);
        Assert.Equal(0, await app.Data.CountAsync("releases", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task Concurrency_TwoSavesFromTheSameBase_OneWinsTheOtherGets409AndNothingIsLost()
    {
        var s = await Given.DraftAsync(app, "Zwei Bearbeiterinnen");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var second = await app.ApiAsync(s.Editor);

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
        var s = await Given.ApprovedDraftAsync(app, "Zwanzigmal freigeben");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var coordinator = await app.ApiAsync(s.Coordinator);

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
        var s = await Given.DraftInReviewAsync(app, "Drei Prüfungen zugleich");
        var (editor, id) = (await app.ApiAsync(s.Editor), s.DraftId);
        var reviewers = await Task.WhenAll(s.Reviewers.Select(r => app.ApiAsync(r)));

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
        var s = await Given.CooperationAsync(app);
        var (org, coop) = (s.Lead.Id, s.CooperationId);
        var editor = await app.ApiAsync(s.Editor);
        var body = JsonSerializer.SerializeToElement(fields).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        body["organizationId"] = org;
        body["cooperationId"] = coop;

        var problem = await Problem.ReadAsync(await editor.PostAsJsonAsync("/api/v1/drafts", body), HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Create_ForAnotherOrganizationOrCooperation_IsRefused()
    {
        var s = await Given.CooperationAsync(app);
        var elsewhere = await Given.CooperationAsync(app);
        var (org, coop) = (s.Lead.Id, s.CooperationId);
        var stranger = await app.ApiAsync(elsewhere.Editor);
        var editor = await app.ApiAsync(s.Editor);
        var before = await app.Data.CountAsync("drafts");

        await Problem.ReadAsync(await stranger.PostAsJsonAsync("/api/v1/drafts", new { organizationId = org, cooperationId = coop, title = "Fremd" }), HttpStatusCode.Forbidden);
        var wrongCoop = await Problem.ReadAsync(await editor.PostAsJsonAsync("/api/v1/drafts", new { organizationId = org, cooperationId = elsewhere.CooperationId, title = "Falscher Verbund" }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(wrongCoop.FieldErrors("cooperationId"));
        Assert.Equal(before, await app.Data.CountAsync("drafts"));
    }

    private async Task<List<string>> AuditActionsAsync(Guid id)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        return (await conn.QueryAsync<string>("select action from audit_events where entity_id = @id order by occurred_at, id", new { id })).ToList();
    }
}
