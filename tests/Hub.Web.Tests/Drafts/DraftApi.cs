using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

/// <summary>Shared steps of the draft API tests, on the demo's Viernheim cooperation.</summary>
internal static class DraftApi
{
    public static async Task<(Guid Viernheim, Guid Cooperation)> ViernheimAsync(HubWebFactory app)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        var org = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Viernheim'");
        var coop = await conn.QuerySingleAsync<Guid>("select id from cooperations where name = 'OZG-Modellkommune Viernheim'");
        return (org, coop);
    }

    public static async Task<(HttpClient Editor, Guid Id)> NewDraftAsync(HubWebFactory app, string title = "Testdienst Urkunden")
    {
        var (org, coop) = await ViernheimAsync(app);
        var editor = await app.ApiAsync("editor@viernheim.demo");
        var response = await editor.PostAsJsonAsync("/api/v1/drafts", new
        {
            organizationId = org,
            cooperationId = coop,
            title,
            summary = "Geburts-, Ehe- und Sterbeurkunden online anfordern.",
            body = "## Ablauf\n\n1. Antrag stellen\n2. Bezahlen\n\n## Nachweise\n\nPersonalausweis",
            platform = "civento",
            targetReifegrad = 3,
            catalogServiceIds = new[] { "10557" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (editor, body.GetProperty("id").GetGuid());
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    /// <summary>Submit, two partner approvals (Bensheim, MRN), release; returns the release answer.</summary>
    public static async Task<JsonElement> ApproveAndReleaseAsync(HubWebFactory app, HttpClient editor, Guid id, int revision, bool breaking, string notes = "")
    {
        await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/submit", new { revision }), HttpStatusCode.OK);
        foreach (var reviewer in new[] { "reviewer@bensheim.demo", "reviewer@mrn.demo" })
            await JsonAsync(await (await app.ApiAsync(reviewer)).PostAsJsonAsync($"/api/v1/drafts/{id}/reviews", new { verdict = "approve" }), HttpStatusCode.Created);
        return await JsonAsync(await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/release", new { notes, breaking }), HttpStatusCode.Created);
    }
}
