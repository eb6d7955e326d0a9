using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Hub.Testing;
using Hub.Testing.Web;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Hub.Web.Tests.Accounts;

/// <summary>Server-side sessions: a copied cookie is worth nothing after sign-out, a password change or a disabled account, or past the limits.</summary>
public sealed class SessionTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private const string NewPassword = "Ganz-Neues-Passwort-2026";

    /// <summary>Signs in through the form and returns the auth cookie as a browser would send it.</summary>
    private async Task<string> SignInCookieAsync(string email, string password = TestData.Password)
    {
        var response = await HubWebFactory.PostFormAsync(app.Browser(), "/anmelden", "/anmelden", new() { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ikzhub.auth=", StringComparison.Ordinal));
        return cookie.Split(';')[0];
    }

    private HttpClient WithCookie(string cookie)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>200 on a page behind sign-in while the session holds, a redirect to the sign-in page when it does not.</summary>
    private static async Task<bool> AcceptedAsync(HttpClient client)
    {
        var response = await client.GetAsync("/entwuerfe");
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"unexpected {(int)response.StatusCode}");
        return response.StatusCode == HttpStatusCode.OK;
    }

    private async Task<(Guid Id, string Email)> UserAsync()
    {
        var org = await app.Data.OrganizationAsync();
        return await app.Data.UserAsync(null, false, (org, "editor"));
    }

    [Fact]
    public async Task SignIn_EveryTime_StartsANewSessionWithANewCookie()
    {
        var (id, email) = await UserAsync();
        var first = await SignInCookieAsync(email);
        var second = await SignInCookieAsync(email);

        Assert.NotEqual(first, second);
        Assert.Equal(2, await app.Data.CountAsync("sessions", "user_id = @id and ended_at is null", new { id }));
        Assert.True(await AcceptedAsync(WithCookie(first)));
        Assert.True(await AcceptedAsync(WithCookie(second)));
    }

    [Fact]
    public async Task SignOut_TheCopiedCookieIsRefusedAfterwards()
    {
        var (id, email) = await UserAsync();
        var cookie = await SignInCookieAsync(email);
        var browser = WithCookie(cookie);
        Assert.True(await AcceptedAsync(browser));
        var page = await browser.GetAsync("/");
        var token = Html.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("form[action='/abmelden'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ikzhub.af=", StringComparison.Ordinal)).Split(';')[0];
        var signOut = new HttpRequestMessage(HttpMethod.Post, "/abmelden") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }) };
        signOut.Headers.Add("Cookie", cookie + "; " + antiforgery);
        var bare = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Assert.Equal(HttpStatusCode.Redirect, (await bare.SendAsync(signOut)).StatusCode);

        Assert.False(await AcceptedAsync(WithCookie(cookie)));
        Assert.Equal(1, await app.Data.CountAsync("sessions", "user_id = @id and end_reason = 'signed_out'", new { id }));
    }

    [Fact]
    public async Task PasswordChange_EndsEveryOtherSessionAndToken_ThisBrowserGoesOn()
    {
        var (_, email) = await UserAsync();
        var other = await SignInCookieAsync(email);
        var api = await app.ApiAsync(email, TestData.Password);
        var browser = await app.SignedInAsync(email, TestData.Password);

        var wrong = await HubWebFactory.PostFormAsync(browser, "/konto/passwort", "/konto/passwort",
            new() { ["CurrentPassword"] = "falsch", ["NewPassword"] = NewPassword, ["RepeatPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Das bisherige Passwort stimmt nicht.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await AcceptedAsync(WithCookie(other)));

        var changed = await HubWebFactory.PostFormAsync(browser, "/konto/passwort", "/konto/passwort",
            new() { ["CurrentPassword"] = TestData.Password, ["NewPassword"] = NewPassword, ["RepeatPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.False(await AcceptedAsync(WithCookie(other)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/entwuerfe")).StatusCode);
        Assert.Contains("Ihr Passwort wurde geändert.", await browser.GetStringAsync("/konto/passwort?geaendert=true"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK,
            (await HubWebFactory.PostFormAsync(app.Browser(), "/anmelden", "/anmelden", new() { ["Email"] = email, ["Password"] = TestData.Password })).StatusCode);
        await SignInCookieAsync(email, NewPassword);
    }

    [Theory]
    [InlineData("", "lang-genug-2026", "currentPassword")]
    [InlineData("falsches-Passwort", "lang-genug-2026", "currentPassword")]
    [InlineData(TestData.Password, "kurz", "newPassword")]
    [InlineData(TestData.Password, TestData.Password, "newPassword")]
    public async Task PasswordChangeApi_BadInput_Is400NamingTheField_NothingEnds(string current, string next, string field)
    {
        var (_, email) = await UserAsync();
        var api = await app.ApiAsync(email, TestData.Password);
        var problem = await Problem.ReadAsync(await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = current, newPassword = next }), HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task PasswordChange_WrongCurrentPasswordFiveTimes_LocksTheAccountLikeFailedSignIns()
    {
        var (id, email) = await UserAsync();
        var api = await app.ApiAsync(email, TestData.Password);
        for (var i = 0; i < 5; i++)
            await Problem.ReadAsync(await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = "geraten-" + i, newPassword = NewPassword }), HttpStatusCode.BadRequest);

        // Locked now: even the right current password is refused, and so is signing in.
        await Problem.ReadAsync(await api.PostAsJsonAsync("/api/v1/me/password", new { currentPassword = TestData.Password, newPassword = NewPassword }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK,
            (await HubWebFactory.PostFormAsync(app.Browser(), "/anmelden", "/anmelden", new() { ["Email"] = email, ["Password"] = TestData.Password })).StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("users", "id = @id and locked_until > now()", new { id }));
    }

    [Fact]
    public async Task DisabledAccount_CookieAndTokenRefusedAtOnce_SignInFails_EnableLetsItBackIn()
    {
        var (id, email) = await UserAsync();
        var cookie = await SignInCookieAsync(email);
        var api = await app.ApiAsync(email, TestData.Password);
        var admin = await app.ApiAsync("admin@ikzhub.demo");
        var editor = await app.ApiAsync("editor@viernheim.demo");

        await Problem.ReadAsync(await editor.PostAsync($"/api/v1/admin/users/{id}/disable", null), HttpStatusCode.Forbidden);
        Assert.True(await AcceptedAsync(WithCookie(cookie)));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{id}/disable", null)).StatusCode);

        Assert.False(await AcceptedAsync(WithCookie(cookie)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await HubWebFactory.PostFormAsync(app.Browser(), "/anmelden", "/anmelden", new() { ["Email"] = email, ["Password"] = TestData.Password })).StatusCode);
        await Problem.ReadAsync(await admin.PostAsync($"/api/v1/admin/users/{Guid.NewGuid()}/disable", null), HttpStatusCode.NotFound);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/admin/users/{id}/enable", null)).StatusCode);
        Assert.True(await AcceptedAsync(WithCookie(await SignInCookieAsync(email))));
        Assert.Equal(2, await app.Data.CountAsync("audit_events", "entity_type = 'user' and entity_id = @id and action in ('disabled', 'enabled')", new { id }));
    }

    [Theory]
    [InlineData("last_seen_at = now() - interval '31 minutes'")]
    [InlineData("created_at = now() - interval '9 hours', last_seen_at = now()")]
    public async Task Session_PastTheIdleOrAbsoluteLimit_IsRefused(string aging)
    {
        var (id, email) = await UserAsync();
        var cookie = await SignInCookieAsync(email);
        Assert.True(await AcceptedAsync(WithCookie(cookie)));
        await using (var conn = await app.DataSource.OpenConnectionAsync())
            await conn.ExecuteAsync($"update sessions set {aging} where user_id = @id", new { id });

        Assert.False(await AcceptedAsync(WithCookie(cookie)));
    }
}
