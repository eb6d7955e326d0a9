using System.Net;
using Dapper;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Tenancy;

public sealed class TenancyPageTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private async Task<Guid> IdOfAsync(string table, string name)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<Guid>($"select id from {table} where name = @name", new { name });
    }

    [Fact]
    public async Task Pages_SignedInEditor_AllRenderWithTheirContent()
    {
        var client = await app.SignedInAsync("editor@viernheim.demo");
        var viernheim = await IdOfAsync("organizations", "Viernheim");
        var coop = await IdOfAsync("cooperations", "OZG-Modellkommune Viernheim");

        var orgs = await client.GetStringAsync("/organisationen?q=Bergstra");
        var org = await client.GetStringAsync($"/organisationen/{viernheim}");
        var coops = await client.GetStringAsync("/verbuende");
        var coopPage = Html.Parse(await client.GetStringAsync($"/verbuende/{coop}"));

        Assert.Contains("Kreis Bergstraße", orgs, StringComparison.Ordinal);
        Assert.Contains("06431020", org, StringComparison.Ordinal);
        Assert.Contains("IKZ Usinger Land", coops, StringComparison.Ordinal);
        Assert.Equal("OZG-Modellkommune Viernheim", coopPage.QuerySelector("h1")!.TextContent);
        Assert.Equal(4, coopPage.QuerySelectorAll("#members ~ table tbody tr").Length);
        // The description is Markdown rendered by the one renderer: **…** became <strong>.
        Assert.Equal("OZG-Modellkommune", coopPage.QuerySelector(".hub-markdown strong")!.TextContent);
        Assert.Contains("130.000", coopPage.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrganizationList_PagesAndFilters()
    {
        var client = await app.SignedInAsync("observer@hmdis.demo");

        for (var i = 0; i < 3; i++)
            await app.Data.OrganizationAsync($"Seitentest {i}", land: "16");

        var page1 = Html.Parse(await client.GetStringAsync("/organisationen?land=16&q=Seitentest"));
        var hessen = Html.Parse(await client.GetStringAsync("/organisationen?land=06&q=Volkmarsen"));
        var none = Html.Parse(await client.GetStringAsync("/organisationen?land=09"));

        Assert.Equal(["Seitentest 0", "Seitentest 1", "Seitentest 2"], page1.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Equal("Volkmarsen", hessen.QuerySelector("tbody tr td a")!.TextContent);
        Assert.Empty(none.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task UnknownPage_IsAFriendly404WithoutInternals()
    {
        var client = await app.SignedInAsync("editor@viernheim.demo");

        var response = await client.GetAsync("/gibt-es-nicht");
        var unknownOrg = await client.GetAsync($"/organisationen/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Seite nicht gefunden", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownOrg.StatusCode);
    }

    [Fact]
    public async Task MembersPage_EditorOfTheOrganization_Is403_AdminSeesMembers()
    {
        var viernheim = await IdOfAsync("organizations", "Viernheim");
        var editor = await app.SignedInAsync("editor@viernheim.demo");
        var admin = await app.SignedInAsync("admin@viernheim.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync($"/organisationen/{viernheim}/mitglieder")).StatusCode);
        var page = await admin.GetStringAsync($"/organisationen/{viernheim}/mitglieder");
        Assert.Contains("editor@viernheim.demo", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/organisationen/{Guid.NewGuid()}/mitglieder")).StatusCode);
    }

    [Fact]
    public async Task AddMember_InvalidEmail_ShowsTheFieldErrorAndAddsNobody()
    {
        var viernheim = await IdOfAsync("organizations", "Viernheim");
        var admin = await app.SignedInAsync("admin@viernheim.demo");
        var path = $"/organisationen/{viernheim}/mitglieder";
        var before = await app.Data.CountAsync("memberships", "organization_id = @viernheim", new { viernheim });

        var response = await HubWebFactory.PostFormAsync(admin, path, path, new() { ["Form.Email"] = "kein-at-zeichen", ["Form.Role"] = "editor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var doc = await Html.ParseAsync(response);
        Assert.Contains("gültige E-Mail-Adresse", doc.QuerySelector("[data-valmsg-for='Form.Email']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.Data.CountAsync("memberships", "organization_id = @viernheim", new { viernheim }));
    }

    [Fact]
    public async Task AddMember_NewPerson_CreatesAccountWithInitialPasswordThatSignsIn()
    {
        var org = await app.Data.OrganizationAsync();
        var (_, adminEmail) = await app.Data.UserAsync(memberships: (org, "admin"));
        var admin = await app.SignedInAsync(adminEmail, Hub.Testing.TestData.Password);
        var path = $"/organisationen/{org}/mitglieder";
        var email = $"neu{Guid.NewGuid():N}@kommune.demo";

        var response = await HubWebFactory.PostFormAsync(admin, path, path, new() { ["Form.Email"] = email, ["Form.DisplayName"] = "Neue Person", ["Form.Role"] = "reviewer" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var password = (await Html.ParseAsync(response)).QuerySelector(".hub-secret")!.TextContent.Trim();
        var newcomer = await app.SignedInAsync(email, password);
        Assert.Contains($"/organisationen/{org}", await newcomer.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(1, await app.Data.CountAsync("memberships m join users u on u.id = m.user_id", "u.email = @email and m.role = 'reviewer'", new { email }));
        Assert.Equal(2, await app.Data.CountAsync("audit_events", "acting_organization_id = @org", new { org }));
    }

    [Fact]
    public async Task RemoveMember_LastAdmin_IsRefusedWithAMessage()
    {
        var org = await app.Data.OrganizationAsync();
        var (adminId, adminEmail) = await app.Data.UserAsync(memberships: (org, "admin"));
        var admin = await app.SignedInAsync(adminEmail, Hub.Testing.TestData.Password);
        var path = $"/organisationen/{org}/mitglieder";

        var response = await HubWebFactory.PostFormAsync(admin, path, $"{path}/{adminId}/entfernen", []);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("mindestens eine Administratorin", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.Data.CountAsync("memberships", "organization_id = @org", new { org }));
    }

    [Fact]
    public async Task ChangeRole_ByAdmin_ChangesIt_ByAdminOfAnotherOrganization_Is403()
    {
        var org = await app.Data.OrganizationAsync();
        var other = await app.Data.OrganizationAsync();
        var (_, adminEmail) = await app.Data.UserAsync(memberships: (org, "admin"));
        var (_, foreignAdminEmail) = await app.Data.UserAsync(memberships: (other, "admin"));
        var (memberId, _) = await app.Data.UserAsync(memberships: (org, "editor"));
        var admin = await app.SignedInAsync(adminEmail, Hub.Testing.TestData.Password);
        var foreign = await app.SignedInAsync(foreignAdminEmail, Hub.Testing.TestData.Password);

        var refused = await HubWebFactory.PostFormAsync(foreign, "/", $"/organisationen/{org}/mitglieder/{memberId}/rolle", new() { ["role"] = "admin" });
        var changed = await HubWebFactory.PostFormAsync(admin, "/", $"/organisationen/{org}/mitglieder/{memberId}/rolle", new() { ["role"] = "reviewer" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("memberships", "user_id = @memberId and role = 'reviewer'", new { memberId }));
    }

    [Fact]
    public async Task AdminPages_NonAdmin_Is403()
    {
        var client = await app.SignedInAsync("coordinator@viernheim.demo");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/organisationen/neu")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/verbuende/neu")).StatusCode);
    }

    [Fact]
    public async Task NewOrganization_BadAgs_ShowsFieldError_ThenValid_Redirects()
    {
        var admin = await app.SignedInAsync("admin@ikzhub.demo");
        const string path = "/admin/organisationen/neu";

        var bad = await HubWebFactory.PostFormAsync(admin, path, path, new() { ["Form.Name"] = "Heppenheim", ["Form.Kind"] = "stadt", ["Form.Ags"] = "1234", ["Form.LandCode"] = "06" });
        var good = await HubWebFactory.PostFormAsync(admin, path, path, new() { ["Form.Name"] = "Heppenheim", ["Form.Kind"] = "stadt", ["Form.Ags"] = "06431011", ["Form.LandCode"] = "06" });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("8 Ziffern", (await Html.ParseAsync(bad)).QuerySelector("[data-valmsg-for='Form.Ags']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Contains("Heppenheim", await admin.GetStringAsync(good.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewCooperation_LeadNotAmongMembers_ShowsFieldError()
    {
        var a = await app.Data.OrganizationAsync();
        var b = await app.Data.OrganizationAsync();
        var lead = await app.Data.OrganizationAsync();
        var admin = await app.SignedInAsync("admin@ikzhub.demo");
        const string path = "/admin/verbuende/neu";
        var page = await admin.GetStringAsync(path);
        var form = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", HubWebFactory.AntiforgeryToken(page)),
            new("Form.Name", "IKZ Fehlerfall"),
            new("Form.LeadOrganizationId", lead.ToString()),
            new("Form.MemberIds", a.ToString()),
            new("Form.MemberIds", b.ToString()),
            new("Form.RequiredApprovals", "1"),
        };

        var response = await admin.PostAsync(path, new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("muss Mitglied", (await Html.ParseAsync(response)).QuerySelector("[data-valmsg-for='Form.LeadOrganizationId']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.Data.CountAsync("cooperations", "name = 'IKZ Fehlerfall'"));
    }

    [Fact]
    public async Task AssignCoordinator_PlatformAdmin_AddsThePerson()
    {
        var a = await app.Data.OrganizationAsync();
        var b = await app.Data.OrganizationAsync();
        var coop = await app.Data.CooperationAsync(a, b);
        var (userId, email) = await app.Data.UserAsync();
        var admin = await app.SignedInAsync("admin@ikzhub.demo");

        var response = await HubWebFactory.PostFormAsync(admin, $"/verbuende/{coop}", $"/verbuende/{coop}/koordination", new() { ["Form.Email"] = email });
        var unknown = await HubWebFactory.PostFormAsync(admin, $"/verbuende/{coop}", $"/verbuende/{coop}/koordination", new() { ["Form.Email"] = "niemand@nirgends.demo" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("cooperation_coordinators", "cooperation_id = @coop and user_id = @userId", new { coop, userId }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task LanguageSwitch_English_TranslatesThePage()
    {
        var client = app.Browser();

        var response = await HubWebFactory.PostFormAsync(client, "/anmelden", "/sprache", new() { ["culture"] = "en", ["returnUrl"] = "/anmelden" });
        var page = Html.Parse(await client.GetStringAsync("/anmelden"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Sign in", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Email address", page.QuerySelector("label[for=Email]")!.TextContent);
    }

    [Fact]
    public async Task EveryResponse_CarriesTheSecurityHeaders()
    {
        var response = await app.Browser().GetAsync("/anmelden");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Hsts_OnlyOverHttps()
    {
        var https = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var overHttps = await https.GetAsync("/dienste");
        var overHttp = await app.Browser().GetAsync("/dienste");

        Assert.Equal("max-age=31536000; includeSubDomains", overHttps.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(overHttp.Headers.Contains("Strict-Transport-Security"));
    }
}
