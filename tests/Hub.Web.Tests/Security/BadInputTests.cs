using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests.Security;

/// <summary>
/// Attack findings 7–9: input that reached PostgreSQL or Kestrel and came back as 500. Each is now refused once for
/// every route (InputGuard, RequestLimits, the JSON string rule, ErrorsController's client faults, PageRequest).
/// </summary>
public sealed class BadInputTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Theory]
    [InlineData("/dienste?q=%00")]
    [InlineData("/katalog?q=a%00b")]
    [InlineData("/api/v1/catalog/services?q=%00")]
    [InlineData("/api/v1/releases?q=%01")]
    [InlineData("/dienste/feed.atom?themenfeld=%00")]
    [InlineData("/katalog/1%0155")]
    [InlineData("/api/v1/catalog/services/1%0155")]
    public async Task ControlCharacters_InTheQueryOrPath_Are400_AlsoSignedOut(string path)
    {
        var response = await app.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (path.StartsWith("/api/", StringComparison.Ordinal))
            Assert.Equal("bad_request", (await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).Code);
    }

    [Fact]
    public async Task ControlCharacters_InJsonOrAForm_Are400AndWriteNothing()
    {
        var (editor, id) = await DraftApi.NewDraftAsync(app, "Steuerzeichen");

        var json = await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Hallo\u0000Welt" });
        var page = await app.SignedInAsync("editor@viernheim.demo");
        var form = await HubWebFactory.PostFormAsync(page, $"/entwuerfe/{id}", $"/entwuerfe/{id}/kommentare", new() { ["body"] = "Snippet\u0002mark\u0003" });

        var problem = await Problem.ReadAsync(json, HttpStatusCode.BadRequest);
        Assert.Equal("validation_failed", problem.Code);
        Assert.Contains("Steuerzeichen", Assert.Single(problem.FieldErrors("body")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("comments", "draft_id = @id", new { id }));
        // Tab, line feed and carriage return are text.
        var ok = await editor.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", new { body = "Zeile 1\r\n\tZeile 2" });
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
    }

    [Theory]
    [InlineData("/dienste?page=2147483647")]
    [InlineData("/katalog?page=2147483647")]
    [InlineData("/freigaben?page=2147483647")]
    [InlineData("/entwuerfe?page=2147483647")]
    [InlineData("/organisationen?page=2147483647")]
    [InlineData("/posteingang?page=2147483647")]
    public async Task HugePageNumbers_OnPages_AnswerAnEmptyLastPage(string path)
    {
        var response = await (await app.SignedInAsync("editor@viernheim.demo")).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/releases?page=2147483647")]
    [InlineData("/api/v1/organizations?page=2147483647")]
    [InlineData("/api/v1/drafts?page=2147483647")]
    public async Task HugePageNumbers_InTheApi_Are400WithTheFieldNamed(string path)
    {
        var response = await (await app.ApiAsync("editor@viernheim.demo")).GetAsync(path);

        Assert.NotEmpty((await Problem.ReadAsync(response, HttpStatusCode.BadRequest)).FieldErrors("page"));
    }

    [Fact]
    public async Task ChunkedBodyOverTheLimit_Is413_ForJsonAndForms()
    {
        var (editor, id) = await DraftApi.NewDraftAsync(app, "Gestückelt");
        HttpContent Chunked(string prefix, string type) =>
            new StreamContent(new UnsizedStream(Encoding.UTF8.GetBytes(prefix + new string('x', 2 * 1024 * 1024)))) { Headers = { { "Content-Type", type } } };

        var json = await editor.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/api/v1/drafts/{id}/comments") { Content = Chunked("{\"body\":\"", "application/json") });
        var page = await app.SignedInAsync("editor@viernheim.demo");
        var form = await page.SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/entwuerfe/{id}/kommentare") { Content = Chunked("body=", "application/x-www-form-urlencoded") });

        Assert.Equal("payload_too_large", (await Problem.ReadAsync(json, HttpStatusCode.RequestEntityTooLarge)).Code);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, form.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("comments", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task FormWithMoreThan1024Fields_Is400()
    {
        var (_, id) = await DraftApi.NewDraftAsync(app, "Viele Felder");
        var fields = Enumerable.Range(0, 1_100).ToDictionary(i => "f" + i, i => "x");
        fields["body"] = "Hallo";

        var response = await HubWebFactory.PostFormAsync(await app.SignedInAsync("editor@viernheim.demo"), $"/entwuerfe/{id}", $"/entwuerfe/{id}/kommentare", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.Data.CountAsync("comments", "draft_id = @id", new { id }));
    }

    [Fact]
    public async Task NonAsciiReturnUrl_SignsInAndRedirectsThere()
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await HubWebFactory.PostFormAsync(client, "/anmelden", "/anmelden", new()
        {
            ["Email"] = "editor@viernheim.demo",
            ["Password"] = HubWebFactory.DemoPassword,
            ["ReturnUrl"] = "/dienste?q=Urkunde für Bürger",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dienste?q=Urkunde%20f%C3%BCr%20B%C3%BCrger", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EveryPageRoute_JunkQueries_NeverAnswer5xx()
    {
        var (_, draft) = await DraftApi.NewDraftAsync(app, "Junk-Ziel");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .Where(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Contains("GET"))
            .Select(e => e.RoutePattern.RawText!).Distinct().ToList();
        var clients = new[] { await app.SignedInAsync("editor@viernheim.demo"), await app.SignedInAsync("observer@hmdis.demo"), app.CreateClient() };
        string[] queries =
        [
            "?page=2147483647&pageSize=2147483647&q=%00&land=%01",
            "?page=-5&q=" + Uri.EscapeDataString("Ärger über Öffnungszeiten „zitiert“ 𝔘") + "&von=ü&bis=%FF&status=ß&themenfeld=%C3",
            "?q=" + new string('ä', 5_000),
        ];
        var failures = new List<string>();
        foreach (var route in routes)
        {
            var path = "/" + System.Text.RegularExpressions.Regex.Replace(route.TrimStart('/'), @"\{([^}:]+)(:[^}]*)?\}", m => m.Value.Contains(":guid", StringComparison.Ordinal) ? draft.ToString()
                : m.Groups[1].Value is "revision" ? "1" : m.Groups[1].Value is "land" ? "06" : m.Groups[1].Value is "ozgId" ? "10557" : m.Groups[1].Value is "code" ? "400" : "ü%01");
            foreach (var query in queries)
            {
                foreach (var client in clients)
                {
                    var response = await client.GetAsync(path + query);
                    if ((int)response.StatusCode >= 500)
                        failures.Add($"GET {path}{query[..Math.Min(40, query.Length)]}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(routes.Count > 25, $"only {routes.Count} page routes found");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Theory]
    [InlineData("/dienste/feed.atom")]
    [InlineData("/openapi/v1.json")]
    public async Task HostHeader_DoesNotChooseTheAbsoluteUrls(string path)
    {
        // Info finding of the outside test: feed ids and links and the OpenAPI servers came from the request's Host.
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Contains(Hub.Web.Common.PublicOrigin.Of(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()), text, StringComparison.Ordinal);
    }
}
