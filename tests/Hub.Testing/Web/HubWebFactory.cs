using Xunit;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hub.Testing;
using Hub.Testing.Scenarios;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Hub.Testing.Web;

/// <summary>
/// The real web application on a fresh PostgreSQL database (cloned from the migrated template, then loaded
/// with the demo data by the app itself). One per test class.
/// </summary>
public class HubWebFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo-Passwort-2026!";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public TestData Data { get; private set; } = null!;

    /// <summary>The owner's way in, for what the operator does (imports), bypassing row-level security.</summary>
    public Hub.Data.Common.HubDb OwnerDb => new(DataSource);

    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Hub:Cookies:AllowHttp"] = "true",
        ["Hub:SignIn:PermitsPerMinute"] = "10000",
        // Tests bring their own reference data where they need it; the demo's full catalogue would only slow every class down.
        ["Hub:Demo:ReferenceData"] = "",
    };

    public async Task InitializeAsync()
    {
        ConnectionString = await TestCluster.CreateDatabaseAsync();
        DataSource = TestCluster.CreateDataSource(ConnectionString);
        Data = new TestData(DataSource);
        StartServer(); // start the app now: it seeds the demo data
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Hub", ConnectionString);
        builder.UseSetting("ConnectionStrings:HubApp", TestCluster.AppConnectionString(ConnectionString));
        builder.UseSetting("HUB_DEMO", "1");
        // Tests read their own writes at once; the hub keeps some shared figures for up to a minute (ShortCache).
        builder.UseSetting("Hub:Cache:PublicFilterSeconds", "0");
        builder.UseSetting("Hub:Cache:PublicSearchSeconds", "0");
        builder.UseSetting("Hub:Cache:StateDashboardSeconds", "0");
        builder.UseSetting("Hub:Cache:ThemenfelderSeconds", "0");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A cookie session after signing in through the real form (antiforgery token included).</summary>
    public async Task<HttpClient> SignedInAsync(string email, string password = DemoPassword)
    {
        var client = Browser();
        var response = await PostFormAsync(client, "/anmelden", "/anmelden", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A cookie session of someone a scenario builder made (<see cref="Given"/>).</summary>
    public Task<HttpClient> SignedInAsync(Given.Person person) => SignedInAsync(person.Email, person.Password);

    /// <summary>Loads the page, takes its antiforgery token and posts the form like a browser would.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string pagePath, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pagePath);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static string AntiforgeryToken(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } token
            ? token
            : throw new InvalidOperationException("The page has no antiforgery token.");

    public async Task<HttpClient> ApiAsync(string email, string password = DemoPassword) => await AuthorizeAsync(CreateClient(), email, password);

    /// <summary>An API client with a bearer token of someone a scenario builder made (<see cref="Given"/>).</summary>
    public Task<HttpClient> ApiAsync(Given.Person person) => ApiAsync(person.Email, person.Password);

    /// <summary>Gets a bearer token for the account and puts it on the client (any hub: in-process or its own process).</summary>
    public static async Task<HttpClient> AuthorizeAsync(HttpClient client, string email, string password = DemoPassword)
    {
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public sealed record TokenBody(string Token, DateTimeOffset ExpiresAt);
}
