using System.Net;
using System.Text.Json;
using Dapper;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Drafts;

/// <summary>
/// Reading API answers, and the demo's Viernheim cooperation for the tests that still run on the demo accounts; a test
/// that needs a situation of its own states it with <see cref="Given"/>.
/// </summary>
internal static class DraftApi
{
    public static async Task<(Guid Viernheim, Guid Cooperation)> ViernheimAsync(HubWebFactory app)
    {
        var demo = await ViernheimCooperationAsync(app);
        return (demo.Lead.Id, demo.CooperationId);
    }

    /// <summary>
    /// The demo's "OZG-Modellkommune Viernheim" as a scenario: editor@viernheim.demo; Bensheim, MRN and Kreis Bergstraße
    /// with their reviewers, in that order (the first two approve); coordinator@viernheim.demo.
    /// </summary>
    public static async Task<Given.Cooperation> ViernheimCooperationAsync(HubWebFactory app)
    {
        string[] partners = ["Bensheim", "Metropolregion Rhein-Neckar GmbH", "Kreis Bergstraße"];
        string[] reviewers = ["reviewer@bensheim.demo", "reviewer@mrn.demo", "reviewer@bergstrasse.demo"];
        await using var conn = await app.DataSource.OpenConnectionAsync();
        var (id, name, required) = await conn.QuerySingleAsync<(Guid, string, int)>(
            "select id, name, required_approvals from cooperations where name = 'OZG-Modellkommune Viernheim'");
        var organizations = (await conn.QueryAsync<(Guid Id, string Name)>(
            "select id, name from organizations where name = any(@names)", new { names = partners.Prepend("Viernheim").ToArray() })).ToDictionary(o => o.Name, o => o.Id);
        var users = (await conn.QueryAsync<(Guid Id, string Email)>(
            "select id, email from users where email = any(@emails)", new { emails = reviewers.Concat(["editor@viernheim.demo", "coordinator@viernheim.demo"]).ToArray() }))
            .ToDictionary(u => u.Email, u => u.Id);
        Given.Organization Organization(string n) => new(organizations[n], n);
        Given.Person Person(string email) => new(users[email], email, HubWebFactory.DemoPassword);
        return new Given.Cooperation(id, name, Organization("Viernheim"), partners.Select(Organization).ToList(), Person("editor@viernheim.demo"),
            reviewers.Select(Person).ToList(), Person("coordinator@viernheim.demo"), required);
    }

    /// <summary>A new draft of Viernheim's in the demo cooperation (<see cref="Given.DraftAsync"/>) and an API client of its editor.</summary>
    public static async Task<(HttpClient Editor, Guid Id)> NewDraftAsync(HubWebFactory app, string title = Given.Title)
    {
        var draft = await Given.DraftAsync(app, title, await ViernheimCooperationAsync(app));
        return (await app.ApiAsync(draft.Editor), draft.DraftId);
    }

    /// <summary>Submits a demo draft being edited, has Bensheim and MRN approve and releases it (<see cref="Given.ReleaseAsync(HubWebFactory, Given.Draft, string, bool)"/>).</summary>
    public static async Task<Given.Release> ApproveAndReleaseAsync(HubWebFactory app, Guid id, bool breaking = false, string notes = "") =>
        await Given.ReleaseAsync(app, new Given.Draft(await ViernheimCooperationAsync(app), id), notes, breaking);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
