using System.Net;
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
        Assert.Equal(1, await app.Data.CountAsync("users", "email = @email and locked_until > now()", new { email }));
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

/// <summary>A tight per-IP sign-in limit, in a hub of its own so no other test uses up the window.</summary>
public sealed class RateLimitedHubWebFactory : HubWebFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Hub:Cookies:AllowHttp"] = "true",
        ["Hub:SignIn:PermitsPerMinute"] = "3",
        ["Hub:Demo:ReferenceData"] = "",
    };
}

public sealed class SignInRateLimitTests(RateLimitedHubWebFactory app) : IClassFixture<RateLimitedHubWebFactory>
{
    [Fact]
    public async Task SignIn_MoreAttemptsThanThePerIpLimit_Answers429WithRetryAfter()
    {
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var response = await HubWebFactory.PostFormAsync(client, "/anmelden", "/anmelden", new() { ["Email"] = "x@y.demo", ["Password"] = "falsch" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("60", response.Headers.RetryAfter?.ToString());
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
        ["Hub:SignIn:PermitsPerMinute"] = "10000",
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
