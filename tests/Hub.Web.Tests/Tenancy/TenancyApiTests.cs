using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Tenancy;

public sealed class TenancyApiTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task Token_ValidCredentials_Returns201AndTheTokenOpensMe()
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "digital@bensheim.demo", password = HubWebFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("ikz_", body.GetProperty("token").GetString(), StringComparison.Ordinal);
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(29));

        client.DefaultRequestHeaders.Authorization = new("Bearer", body.GetProperty("token").GetString());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");
        Assert.Equal("digital@bensheim.demo", me.GetProperty("email").GetString());
        var memberships = me.GetProperty("memberships").EnumerateArray().ToList();
        Assert.Equal(5, memberships.Count);
        Assert.Contains(memberships, m => m.GetProperty("organizationName").GetString() == "Bensheim" && m.GetProperty("role").GetString() == "admin");
        Assert.Contains(memberships, m => m.GetProperty("organizationName").GetString() == "Lorsch" && m.GetProperty("role").GetString() == "editor");
    }

    [Fact]
    public async Task Me_Observer_ShowsTheLandOfTheScope()
    {
        var client = await app.ApiAsync("observer@hmdis.demo");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/me");

        var scope = me.GetProperty("observerScopes").EnumerateArray().Single();
        Assert.Equal("06", scope.GetProperty("landCode").GetString());
        Assert.Equal("Hessen", scope.GetProperty("land").GetString());
        Assert.Empty(me.GetProperty("memberships").EnumerateArray());
    }

    [Fact]
    public async Task Token_WrongPassword_Is401ProblemWithTheSameMessageAsUnknownUser()
    {
        var client = app.CreateClient();

        var wrong = await Problem.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "editor@viernheim.demo", password = "nope" }), HttpStatusCode.Unauthorized);
        var unknown = await Problem.ReadAsync(await client.PostAsJsonAsync("/api/v1/auth/token", new { email = "ghost@viernheim.demo", password = "nope" }), HttpStatusCode.Unauthorized);

        Assert.Equal("invalid_credentials", wrong.Code);
        Assert.Equal(wrong.Title, unknown.Title);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ikz_not-a-real-token-at-all")]
    [InlineData("x")]
    public async Task Me_WithoutValidToken_Is401Problem(string? token)
    {
        var client = app.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await client.GetAsync("/api/v1/me");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", problem.Code);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Me_WithTheCookieOfAPageSession_IsStill401()
    {
        var browser = await app.SignedInAsync("editor@viernheim.demo");

        var response = await browser.GetAsync("/api/v1/me");

        await Problem.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RevokeToken_AfterwardsTheTokenIsRefused()
    {
        var client = await app.ApiAsync("editor@wetzlar.demo");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/v1/auth/token")).StatusCode);

        await Problem.ReadAsync(await client.GetAsync("/api/v1/me"), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Organizations_FilterByTextAndLand_FindsTheDemoMunicipalities()
    {
        var client = await app.ApiAsync("editor@viernheim.demo");

        var byName = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?q=viern");
        var byAgs = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?q=06431&land=06&pageSize=100");
        var bavaria = await client.GetFromJsonAsync<JsonElement>("/api/v1/organizations?land=09");

        var viernheim = byName.GetProperty("items").EnumerateArray().Single();
        Assert.Equal("06431020", viernheim.GetProperty("ags").GetString());
        Assert.Equal("stadt", viernheim.GetProperty("kind").GetString());
        // Viernheim, Bensheim, Kreis Bergstraße, Zwingenberg, Einhausen, Lautertal, Lorsch: AGS starting 06431.
        Assert.Equal(7, byAgs.GetProperty("totalCount").GetInt64());
        Assert.Equal(0, bavaria.GetProperty("totalCount").GetInt64());
    }

    [Theory]
    [InlineData("/api/v1/organizations?land=99", "land")]
    [InlineData("/api/v1/organizations?pageSize=0", "pageSize")]
    [InlineData("/api/v1/organizations?pageSize=100000", "pageSize")]
    [InlineData("/api/v1/cooperations?page=0", "page")]
    public async Task Listing_BadQuery_Is400WithTheField(string url, string field)
    {
        var client = await app.ApiAsync("editor@viernheim.demo");

        var problem = await Problem.ReadAsync(await client.GetAsync(url), HttpStatusCode.BadRequest);

        Assert.Equal("validation_failed", problem.Code);
        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Listing_OverlongQuery_Is400()
    {
        var client = await app.ApiAsync("editor@viernheim.demo");

        var problem = await Problem.ReadAsync(await client.GetAsync("/api/v1/organizations?q=" + new string('a', 300)), HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("q"));
    }

    [Fact]
    public async Task Cooperations_ListAndDetail_ShowLeadMembersAndFunding()
    {
        var client = await app.ApiAsync("reviewer@mrn.demo");

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/cooperations?q=Modellkommune");
        var summary = list.GetProperty("items").EnumerateArray().Single();
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cooperations/{summary.GetProperty("id").GetGuid()}");

        Assert.Equal("Viernheim", summary.GetProperty("leadOrganizationName").GetString());
        Assert.Equal(4, summary.GetProperty("memberCount").GetInt32());
        Assert.Equal(130000m, detail.GetProperty("fundingAmount").GetDecimal());
        Assert.Equal(2, detail.GetProperty("requiredApprovals").GetInt32());
        var members = detail.GetProperty("members").EnumerateArray().ToList();
        Assert.Equal(["Viernheim"], members.Where(m => m.GetProperty("isLead").GetBoolean()).Select(m => m.GetProperty("name").GetString()));
        Assert.Contains(members, m => m.GetProperty("name").GetString() == "Metropolregion Rhein-Neckar GmbH" && m.GetProperty("kind").GetString() == "regionalverband");
        Assert.Single(detail.GetProperty("coordinators").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/organizations/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/v1/cooperations/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/v1/organizations/not-a-guid")]
    [InlineData("/api/v1/does-not-exist")]
    public async Task UnknownIdOrRoute_Is404Problem(string url)
    {
        var client = await app.ApiAsync("editor@viernheim.demo");

        var problem = await Problem.ReadAsync(await client.GetAsync(url), HttpStatusCode.NotFound);

        Assert.Equal("not_found", problem.Code);
    }

    [Theory]
    [InlineData("{\"email\":")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    public async Task MalformedJson_Is400ProblemWithCode(string body)
    {
        var response = await app.CreateClient().PostAsync("/api/v1/auth/token", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("malformed_json", problem.Code);
    }

    [Fact]
    public async Task BodyOverTheLimit_Is413Problem()
    {
        var huge = new string('x', 2 * 1024 * 1024);
        var response = await app.CreateClient().PostAsync("/api/v1/auth/token", new StringContent($"{{\"email\":\"{huge}\"}}", Encoding.UTF8, "application/json"));

        var problem = await Problem.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("payload_too_large", problem.Code);
    }

    [Fact]
    public async Task CreateOrganization_NotPlatformAdmin_Is403()
    {
        var client = await app.ApiAsync("admin@viernheim.demo");

        var problem = await Problem.ReadAsync(
            await client.PostAsJsonAsync("/api/v1/organizations", new { name = "Heppenheim", kind = "stadt", ags = "06431011", landCode = "06" }),
            HttpStatusCode.Forbidden);

        Assert.Equal("forbidden", problem.Code);
        Assert.Equal(0, await app.Data.CountAsync("organizations", "name = 'Heppenheim'"));
    }

    [Fact]
    public async Task CreateOrganization_PlatformAdmin_Is201AndAudited()
    {
        var client = await app.ApiAsync("admin@ikzhub.demo");

        var response = await client.PostAsJsonAsync("/api/v1/organizations", new { name = "Lampertheim", kind = "stadt", ags = "06431015", landCode = "06", kreis = "Bergstraße" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Lampertheim", created.GetProperty("name").GetString());
        Assert.Equal($"/api/v1/organizations/{created.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @id and action = 'created'", new { id = created.GetProperty("id").GetGuid() }));
    }

    public static TheoryData<object, string> BadOrganizations => new()
    {
        { new { name = new string('N', 201), kind = "gemeinde", landCode = "06" }, "name" },
        { new { name = "", kind = "gemeinde", landCode = "06" }, "name" },
        { new { name = "X", kind = "dorf", landCode = "06" }, "kind" },
        { new { name = "X", kind = "gemeinde", landCode = "17" }, "landCode" },
        { new { name = "X", kind = "gemeinde", landCode = "06", ags = "0643" }, "ags" },
        { new { name = "X", kind = "gemeinde", landCode = "06", ags = "09162000" }, "ags" },
        { new { name = "Doppelt", kind = "stadt", landCode = "06", ags = "06431020" }, "ags" },
        { new { name = "X", kind = "gemeinde", landCode = "06", description = new string('d', 20_001) }, "description" },
    };

    [Theory]
    [MemberData(nameof(BadOrganizations))]
    public async Task CreateOrganization_BadField_Is400NamingTheFieldAndWritesNothing(object body, string field)
    {
        var client = await app.ApiAsync("admin@ikzhub.demo");
        var before = await app.Data.CountAsync("organizations");

        var problem = await Problem.ReadAsync(await client.PostAsJsonAsync("/api/v1/organizations", body), HttpStatusCode.BadRequest);

        Assert.Equal("validation_failed", problem.Code);
        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(before, await app.Data.CountAsync("organizations"));
    }

    [Fact]
    public async Task CreateCooperation_LeadNotAMember_Is400OnTheLeadField()
    {
        var a = await app.Data.OrganizationAsync();
        var b = await app.Data.OrganizationAsync();
        var outsider = await app.Data.OrganizationAsync();
        var client = await app.ApiAsync("admin@ikzhub.demo");

        var problem = await Problem.ReadAsync(
            await client.PostAsJsonAsync("/api/v1/cooperations", new { name = "Verbund X", leadOrganizationId = outsider, memberIds = new[] { a, b } }),
            HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("leadOrganizationId"));
        Assert.Equal(0, await app.Data.CountAsync("cooperations", "name = 'Verbund X'"));
    }

    [Fact]
    public async Task CreateCooperation_UnknownMemberOrImpossiblePolicy_Is400()
    {
        var a = await app.Data.OrganizationAsync();
        var b = await app.Data.OrganizationAsync();
        var client = await app.ApiAsync("admin@ikzhub.demo");

        var unknown = await Problem.ReadAsync(
            await client.PostAsJsonAsync("/api/v1/cooperations", new { name = "Verbund Y", leadOrganizationId = a, memberIds = new[] { a, Guid.NewGuid() } }),
            HttpStatusCode.BadRequest);
        var policy = await Problem.ReadAsync(
            await client.PostAsJsonAsync("/api/v1/cooperations", new { name = "Verbund Z", leadOrganizationId = a, memberIds = new[] { a, b }, requiredApprovals = 2 }),
            HttpStatusCode.BadRequest);

        Assert.NotEmpty(unknown.FieldErrors("memberIds"));
        Assert.NotEmpty(policy.FieldErrors("requiredApprovals"));
    }

    [Fact]
    public async Task CreateCooperation_Valid_Is201WithMembers()
    {
        var a = await app.Data.OrganizationAsync();
        var b = await app.Data.OrganizationAsync();
        var c = await app.Data.OrganizationAsync();
        var client = await app.ApiAsync("admin@ikzhub.demo");

        var response = await client.PostAsJsonAsync("/api/v1/cooperations",
            new { name = "IKZ Neu", leadOrganizationId = a, memberIds = new[] { a, b, c }, fundingAmount = 50000, funder = "Land", agreementDate = "2026-01-15" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, body.GetProperty("members").GetArrayLength());
        Assert.Equal(2, body.GetProperty("requiredApprovals").GetInt32());
        Assert.Equal("2026-01-15", body.GetProperty("agreementDate").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheApiAndNoPages()
    {
        var doc = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/me", paths);
        Assert.Contains("/api/v1/organizations/{id}", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/organisationen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Healthz_DatabaseUp_SaysOk()
    {
        var health = await app.CreateClient().GetFromJsonAsync<JsonElement>("/healthz");

        Assert.Equal("up", health.GetProperty("database").GetString());
    }

    [Fact]
    public async Task Api_JsonNames_AreCamelCase()
    {
        var client = await app.ApiAsync("editor@viernheim.demo");

        var raw = await client.GetStringAsync("/api/v1/me");

        Assert.Contains("\"displayName\"", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("\"DisplayName\"", raw, StringComparison.Ordinal);
    }
}
