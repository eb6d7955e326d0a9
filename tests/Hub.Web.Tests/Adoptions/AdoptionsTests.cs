using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;

namespace Hub.Web.Tests.Adoptions;

/// <summary>Nachnutzung: an organization outside the cooperation adopts a release, goes live, upgrades.</summary>
public sealed class AdoptionsTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private async Task<Guid> OrganizationAsync(string name)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<Guid>("select id from organizations where name = @name", new { name });
    }

    [Fact]
    public async Task Adopt_GoLive_NewRelease_UpdateAvailable_Upgrade()
    {
        var s = await Given.ReleaseAsync(app, "Nachnutzbarer Dienst", "Erste Fassung");
        var (owner, draft, first) = (await app.ApiAsync(s.Editor), s.DraftId, s.ReleaseId);
        var outsider = await Given.OutsiderAsync(app);
        var adopter = await app.ApiAsync(outsider.Editor);
        var org = outsider.Organization.Id;

        var adopted = await DraftApi.JsonAsync(await adopter.PostAsJsonAsync("/api/v1/adoptions", new { releaseId = first, organizationId = org }), HttpStatusCode.Created);
        var id = adopted.GetProperty("id").GetGuid();
        var progress = await DraftApi.JsonAsync(await adopter.PatchAsJsonAsync($"/api/v1/adoptions/{id}",
            new { status = "in_progress", notes = "Gebühr in Zwingenberg: **10 €**", baseRowVersion = 1 }), HttpStatusCode.OK);
        var live = await DraftApi.JsonAsync(await adopter.PatchAsJsonAsync($"/api/v1/adoptions/{id}", new { status = "live", liveSince = "2026-11-01" }), HttpStatusCode.OK);
        await DraftApi.JsonAsync(await owner.PutAsJsonAsync($"/api/v1/drafts/{draft}", new { title = "Nachnutzbarer Dienst", body = "## Ablauf\n\nNeu: ePayBL", baseRevision = 1 }), HttpStatusCode.OK);
        var second = (await Given.ReleaseAsync(app, s, "Bezahlen mit ePayBL")).ReleaseId;
        var before = await adopter.GetFromJsonAsync<JsonElement>($"/api/v1/adoptions/{id}");
        var inbox = await adopter.GetFromJsonAsync<JsonElement>("/api/v1/inbox?unread=true");
        var upgraded = await DraftApi.JsonAsync(await adopter.PostAsJsonAsync($"/api/v1/adoptions/{id}/upgrade", new { releaseId = second }), HttpStatusCode.OK);

        Assert.Equal("planned", adopted.GetProperty("status").GetString());
        Assert.Equal("1.0", adopted.GetProperty("version").GetString());
        Assert.Contains("<strong>10 €</strong>", progress.GetProperty("notesHtml").GetString(), StringComparison.Ordinal);
        Assert.Equal("live", live.GetProperty("status").GetString());
        Assert.Equal("2026-11-01", live.GetProperty("liveSince").GetString());
        Assert.True(before.GetProperty("updateAvailable").GetBoolean());
        Assert.Equal("1.1", before.GetProperty("newestVersion").GetString());
        var notice = inbox.GetProperty("items").EnumerateArray().First(n => n.GetProperty("draftId").GetGuid() == draft);
        Assert.Equal("update_available", notice.GetProperty("kind").GetString());
        Assert.Equal($"/freigaben?dienst={draft}", notice.GetProperty("link").GetString());
        Assert.Equal("1.1", upgraded.GetProperty("version").GetString());
        Assert.False(upgraded.GetProperty("updateAvailable").GetBoolean());
        Assert.Equal("live", upgraded.GetProperty("status").GetString());
        Assert.Equal(["adopted", "adoption_changed", "adoption_changed", "upgraded"],
            (await app.DataSource.OpenConnection().QueryAsync<string>("select action from audit_events where entity_id = @id order by occurred_at", new { id })).ToList());
    }

    [Fact]
    public async Task Demo_ZwingenbergRunsTheUrkunde10Live_SeesTheUpdateTo11_AndLaterTo12()
    {
        var zwingenberg = await app.ApiAsync("editor@zwingenberg.demo");
        var org = await OrganizationAsync("Zwingenberg");
        var mine = await zwingenberg.GetFromJsonAsync<JsonElement>($"/api/v1/adoptions?organizationId={org}");
        var urkunde = mine.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Urkundenanforderung Standesamt");
        Assert.Equal("live", urkunde.GetProperty("status").GetString());
        Assert.Equal("1.0", urkunde.GetProperty("version").GetString());
        Assert.True(urkunde.GetProperty("updateAvailable").GetBoolean());
        Assert.Equal("1.1", urkunde.GetProperty("newestVersion").GetString());

        var draft = urkunde.GetProperty("draftId").GetGuid();
        await DraftApi.JsonAsync(await (await app.ApiAsync("reviewer@bensheim.demo")).PostAsJsonAsync($"/api/v1/drafts/{draft}/reviews", new { verdict = "approve" }), HttpStatusCode.Created);
        await DraftApi.JsonAsync(await (await app.ApiAsync("editor@viernheim.demo")).PostAsJsonAsync($"/api/v1/drafts/{draft}/release", new { notes = "giropay und PayPal" }), HttpStatusCode.Created);

        var after = await zwingenberg.GetFromJsonAsync<JsonElement>($"/api/v1/adoptions/{urkunde.GetProperty("id").GetGuid()}");
        Assert.True(after.GetProperty("updateAvailable").GetBoolean());
        Assert.Equal("1.2", after.GetProperty("newestVersion").GetString());
    }

    [Fact]
    public async Task Adopt_BadRequests_AreRefusedAndWriteNothing()
    {
        var s = await Given.ReleaseAsync(app, "Streng geprüfter Dienst", "Erste Fassung");
        var (owner, release) = (await app.ApiAsync(s.Editor), s.ReleaseId);
        var outsider = await Given.OutsiderAsync(app);
        var adopter = await app.ApiAsync(outsider.Editor);
        var org = outsider.Organization.Id;
        var ownerOrganization = s.Lead.Id;
        var adoption = (await DraftApi.JsonAsync(await adopter.PostAsJsonAsync("/api/v1/adoptions", new { releaseId = release, organizationId = org }), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

        var twice = await Problem.ReadAsync(await adopter.PostAsJsonAsync("/api/v1/adoptions", new { releaseId = release, organizationId = org }), HttpStatusCode.Conflict);
        var own = await Problem.ReadAsync(await owner.PostAsJsonAsync("/api/v1/adoptions", new { releaseId = release, organizationId = ownerOrganization }), HttpStatusCode.BadRequest);
        var reviewer = await Problem.ReadAsync(await (await app.ApiAsync(outsider.Reviewer)).PostAsJsonAsync("/api/v1/adoptions",
            new { releaseId = release, organizationId = org }), HttpStatusCode.Forbidden);
        var stale = await Problem.ReadAsync(await adopter.PatchAsJsonAsync($"/api/v1/adoptions/{adoption}", new { status = "in_progress", baseRowVersion = 7 }), HttpStatusCode.Conflict);
        var badStatus = await Problem.ReadAsync(await adopter.PatchAsJsonAsync($"/api/v1/adoptions/{adoption}", new { status = "fertig" }), HttpStatusCode.BadRequest);
        await DraftApi.JsonAsync(await adopter.PatchAsJsonAsync($"/api/v1/adoptions/{adoption}", new { status = "dropped" }), HttpStatusCode.OK);
        var illegal = await Problem.ReadAsync(await adopter.PatchAsJsonAsync($"/api/v1/adoptions/{adoption}", new { status = "live" }), HttpStatusCode.Conflict);
        var notNewer = await Problem.ReadAsync(await adopter.PostAsJsonAsync($"/api/v1/adoptions/{adoption}/upgrade", new { releaseId = release }), HttpStatusCode.BadRequest);

        Assert.Equal("already_adopted", twice.Code);
        Assert.NotEmpty(own.FieldErrors("organizationId"));
        Assert.Equal("not_an_editor", reviewer.Code);
        Assert.Equal("stale_adoption", stale.Code);
        Assert.NotEmpty(badStatus.FieldErrors("status"));
        Assert.Equal("dropped", illegal.Root.GetProperty("currentStatus").GetString());
        Assert.NotEmpty(notNewer.FieldErrors("releaseId"));
        Assert.Equal(1, await app.Data.CountAsync("adoptions", "release_id = @release", new { release }));
        Assert.Equal(2, await app.Data.CountAsync("audit_events", "entity_id = @adoption", new { adoption }));

        await DraftApi.JsonAsync(await owner.PostAsJsonAsync($"/api/v1/releases/{release}/withdraw", new { reason = "Fehler" }), HttpStatusCode.OK);
        var other = await Given.OutsiderAsync(app);
        var withdrawn = await Problem.ReadAsync(await (await app.ApiAsync(other.Editor)).PostAsJsonAsync("/api/v1/adoptions",
            new { releaseId = release, organizationId = other.Organization.Id }), HttpStatusCode.Conflict);
        Assert.Equal("illegal_transition", withdrawn.Code);
    }

    [Fact]
    public async Task Visibility_OrganizationPartnersAndObserversRead_OnlyTheOrganizationWrites_OthersGet404()
    {
        var s = await Given.AdoptionAsync(app, "Sichtbarer Dienst");
        var (id, org) = (s.AdoptionId, s.Adopter.Organization.Id);
        // A partner of the adopting organization, in a cooperation of theirs.
        var partnerOrganization = await Given.OutsiderAsync(app);
        await app.Data.CooperationAsync(partnerOrganization.Organization.Id, org);
        var partner = await app.ApiAsync(partnerOrganization.Reviewer);
        var observer = await app.ApiAsync(await Given.ObserverAsync(app));
        var stranger = await app.ApiAsync((await Given.OutsiderAsync(app)).Editor);

        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/adoptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await observer.GetAsync($"/api/v1/adoptions/{id}")).StatusCode);
        await Problem.ReadAsync(await stranger.GetAsync($"/api/v1/adoptions/{id}"), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await stranger.GetAsync($"/api/v1/adoptions?organizationId={org}"), HttpStatusCode.NotFound);
        await Problem.ReadAsync(await partner.PatchAsJsonAsync($"/api/v1/adoptions/{id}", new { status = "live" }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await observer.PatchAsJsonAsync($"/api/v1/adoptions/{id}", new { status = "live" }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await stranger.PatchAsJsonAsync($"/api/v1/adoptions/{id}", new { status = "live" }), HttpStatusCode.NotFound);
        Assert.Equal(1, await app.Data.CountAsync("adoptions", "id = @id and status = 'planned'", new { id }));
    }

    [Fact]
    public async Task Pages_AdoptFromTheReleasePage_EditTheRollout_AndUpgradeWithTheDiff()
    {
        var s = await Given.ReleaseAsync(app, "Seitendienst", "Erste Fassung");
        var (owner, draft, first) = (await app.ApiAsync(s.Editor), s.DraftId, s.ReleaseId);
        var adopter = await Given.OutsiderAsync(app);
        var editor = await app.SignedInAsync(adopter.Editor);
        var releasePath = $"/freigaben/{first}";

        var adopted = await HubWebFactory.PostFormAsync(editor, releasePath, $"{releasePath}/nachnutzen",
            new() { ["organizationId"] = adopter.Organization.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        var path = adopted.Headers.Location!.OriginalString.Split('?')[0];
        var saved = await HubWebFactory.PostFormAsync(editor, path, path, new() { ["status"] = "live", ["notes"] = "Amt: Bürgerbüro", ["baseRowVersion"] = "1" });
        var stale = await HubWebFactory.PostFormAsync(editor, path, path, new() { ["status"] = "in_progress", ["notes"] = "Mein Text", ["baseRowVersion"] = "1" });
        await DraftApi.JsonAsync(await owner.PutAsJsonAsync($"/api/v1/drafts/{draft}", new { title = "Seitendienst", body = "## Ablauf\n\nNeu mit Terminbuchung", baseRevision = 1 }), HttpStatusCode.OK);
        var newest = (await Given.ReleaseAsync(app, s, "Terminbuchung")).ReleaseId;
        var page = Html.Parse(await editor.GetStringAsync(path));
        var upgrade = await HubWebFactory.PostFormAsync(editor, path, $"{path}/aktualisieren", new() { ["releaseId"] = newest.ToString(), ["baseRowVersion"] = "2" });
        var list = Html.Parse(await editor.GetStringAsync("/nachnutzungen"));
        var releasePage = Html.Parse(await editor.GetStringAsync($"/freigaben/{newest}"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Mein Text", (await Html.ParseAsync(stale)).QuerySelector("#notes")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Update verfügbar: Version 1.1", page.QuerySelector("#s-update")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".hub-diff--ins"), l => l.TextContent.Contains("Terminbuchung", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, upgrade.StatusCode);
        Assert.Contains(list.QuerySelectorAll("tbody tr"), tr => tr.TextContent.Contains("Seitendienst", StringComparison.Ordinal) && tr.TextContent.Contains("1.1", StringComparison.Ordinal));
        Assert.Contains("1 Organisation nutzt diesen Dienst nach, 1 davon live; 1 mit dieser Version.", releasePage.QuerySelector("section[aria-labelledby='s-nachnutzung']")!.TextContent, StringComparison.Ordinal);
    }
}
