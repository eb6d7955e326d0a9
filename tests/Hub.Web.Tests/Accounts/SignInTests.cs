using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Hub.Testing.Web;

namespace Hub.Web.Tests.Accounts;

public sealed class SignInTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task SignIn_DemoEditor_RedirectsToStartPageWithOrganizationsAndCooperations()
    {
        var client = await app.SignedInAsync("editor@viernheim.demo");

        var start = await client.GetStringAsync("/");

        Assert.Contains("Meine Organisationen", start, StringComparison.Ordinal);
        Assert.Contains("Viernheim", start, StringComparison.Ordinal);
        Assert.Contains("OZG-Modellkommune Viernheim", start, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("editor@viernheim.demo", "admin@ikzhub.demo", "observer@hmdis.demo", "coordinator@viernheim.demo", "digital@bensheim.demo")]
    public async Task SignIn_EveryKindOfDemoUser_Works(params string[] emails)
    {
        foreach (var email in emails)
        {
            var client = await app.SignedInAsync(email);
            var page = await client.GetAsync("/organisationen");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task SignIn_WrongPasswordAndUnknownUser_GiveTheSameMessage()
    {
        var wrong = await PostSignInAsync("reviewer@mrn.demo", "falsch");
        var unknown = await PostSignInAsync("nobody@nowhere.demo", "falsch");

        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(ErrorText(await wrong.Content.ReadAsStringAsync()), ErrorText(await unknown.Content.ReadAsStringAsync()));
        Assert.Contains("Anmeldung fehlgeschlagen", ErrorText(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_FiveFailures_LockTheAccountEvenForTheRightPassword()
    {
        var (_, email) = await app.Data.UserAsync();
        for (var i = 0; i < 5; i++)
            await PostSignInAsync(email, "falsch-" + i);

        var right = await PostSignInAsync(email, Hub.Testing.TestData.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode); // the form again, not the redirect of a success
        Assert.Contains("Anmeldung fehlgeschlagen", ErrorText(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        // The five failures close the account to this address for the lockout time (sign_in_failures, migration 0030).
        Assert.Equal(5, await app.Data.CountAsync("sign_in_failures", "user_id = (select id from users where email = @email)", new { email }));
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRejectedAndSignsNobodyIn()
    {
        var client = app.Browser();

        var response = await client.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "editor@viernheim.demo",
            ["Password"] = HubWebFactory.DemoPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("ikzhub.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_AuthCookie_IsHttpOnlyAndSameSiteLax()
    {
        var client = app.Browser();
        var page = await client.GetStringAsync("/anmelden");
        var response = await client.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "editor@viernheim.demo",
            ["Password"] = HubWebFactory.DemoPassword,
            ["__RequestVerificationToken"] = HubWebFactory.AntiforgeryToken(page),
        }));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ikzhub.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_ExternalReturnUrl_IsIgnored()
    {
        var client = app.Browser();
        var response = await HubWebFactory.PostFormAsync(client, "/anmelden", "/anmelden", new()
        {
            ["Email"] = "editor@viernheim.demo",
            ["Password"] = HubWebFactory.DemoPassword,
            ["ReturnUrl"] = "https://evil.example/phish",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOut_AfterwardsTheStartPageIsTheWelcomePage()
    {
        var client = await app.SignedInAsync("editor@wetzlar.demo");

        var response = await HubWebFactory.PostFormAsync(client, "/", "/abmelden", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Melden Sie sich an", await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/organisationen")).StatusCode);
    }

    [Fact]
    public async Task ProtectedPage_SignedOut_RedirectsToSignInWithReturnUrl()
    {
        var response = await app.Browser().GetAsync("/verbuende");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/anmelden?returnUrl=%2Fverbuende", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostSignInAsync(string email, string password) =>
        await HubWebFactory.PostFormAsync(app.Browser(), "/anmelden", "/anmelden", new() { ["Email"] = email, ["Password"] = password });

    private static string ErrorText(string html) =>
        Html.Parse(html).QuerySelector(".kern-alert--danger")?.TextContent.Trim() ?? "(no error shown)";
}

/// <summary>A tight limit of failures per source address, in a hub of its own so no other test uses it up.</summary>
public sealed class RateLimitedHubWebFactory : HubWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Hub:Cookies:AllowHttp"] = "true",
        ["Hub:SignIn:MaxFailuresPerSource"] = "3",
        ["Hub:Demo:ReferenceData"] = "",
    };
}

public sealed class SignInRateLimitTests(RateLimitedHubWebFactory app) : IClassFixture<RateLimitedHubWebFactory>
{
    [Fact]
    public async Task SignIn_MoreFailuresFromOneAddressThanTheLimit_Answers429WithRetryAfter()
    {
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await HubWebFactory.PostFormAsync(client, "/anmelden", "/anmelden", new() { ["Email"] = "x@y.demo", ["Password"] = "falsch" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("900", response.Headers.RetryAfter?.ToString()); // the window: 15 minutes
                Assert.Contains("Zu viele", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}

/// <summary>Configured like production: the session cookie travels only over HTTPS.</summary>
public sealed class ProductionHubWebFactory : HubWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Hub:SignIn:MaxFailuresPerSource"] = "10000",
        ["Hub:Demo:ReferenceData"] = "",
    };
}

public sealed class ProductionCookieTests(ProductionHubWebFactory app) : IClassFixture<ProductionHubWebFactory>
{
    [Fact]
    public async Task AuthCookie_OutsidePlainHttpDevelopment_IsSecure()
    {
        var response = await HubWebFactory.PostFormAsync(app.Browser(), "/anmelden", "/anmelden", new()
        {
            ["Email"] = "editor@viernheim.demo",
            ["Password"] = HubWebFactory.DemoPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ikzhub.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// A hub behind one listed reverse proxy (10.9.9.9). The test server has no network peer, so a startup filter takes the
/// peer's address from a test header before anything else runs, as Kestrel would from the socket.
/// </summary>
public sealed class BehindProxyHubWebFactory : HubWebFactory
{
    public const string PeerHeader = "X-Test-Peer";

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Hub:Cookies:AllowHttp"] = "true",
        ["Hub:ForwardedHeaders:KnownProxies:0"] = "10.9.9.9",
        ["Hub:Demo:ReferenceData"] = "",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerFromHeader>());
    }

    private sealed class PeerFromHeader : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => context =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                    context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer.ToString());
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

public sealed class ForwardedForTests(BehindProxyHubWebFactory app) : IClassFixture<BehindProxyHubWebFactory>
{
    private async Task FailFromAsync(string peer, string forwardedFor)
    {
        var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { email = "editor@viernheim.demo", password = "falsch-" + Guid.NewGuid() }),
        };
        request.Headers.Add(BehindProxyHubWebFactory.PeerHeader, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task XForwardedFor_CountsOnlyFromAListedProxy()
    {
        // From the listed proxy the client's address counts; from anyone else (also loopback) the header changes nothing.
        await FailFromAsync("10.9.9.9", "192.0.2.77");
        await FailFromAsync("10.8.8.8", "192.0.2.78");
        await FailFromAsync("127.0.0.1", "192.0.2.79");

        await using var conn = await app.DataSource.OpenConnectionAsync();
        var sources = (await Dapper.SqlMapper.QueryAsync<string>(conn, "select source from sign_in_failures order by failed_at, source")).ToList();
        Assert.Equal(["192.0.2.77", "10.8.8.8", "127.0.0.1"], sources);
    }
}
