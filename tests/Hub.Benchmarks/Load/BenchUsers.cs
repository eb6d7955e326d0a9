using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hub.Testing.Web;

namespace Hub.Benchmarks.Load;

/// <summary>Clients of the hub under load: browsers signed in through the real form (cookie session) and API clients with a bearer token.</summary>
internal static class BenchUsers
{
    public static HttpClient Anonymous(string url) => Create(url, cookies: false);

    public static async Task<HttpClient> BrowserAsync(string url, string email, string password)
    {
        var client = Create(url, cookies: true);
        var page = await client.GetStringAsync("/anmelden");
        var response = await client.PostAsync("/anmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = HubWebFactory.AntiforgeryToken(page),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    public static async Task<HttpClient> ApiAsync(string url, string email, string password)
    {
        var client = Create(url, cookies: false);
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"token for {email} answered {(int)response.StatusCode}");
        var token = (await response.Content.ReadFromJsonAsync<HubWebFactory.TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs many in at once (each costs a password hash on the hub), at most four at a time.</summary>
    public static async Task<Dictionary<string, HttpClient>> ManyAsync(IEnumerable<string> emails, Func<string, Task<HttpClient>> signIn)
    {
        using var gate = new SemaphoreSlim(4);
        var distinct = emails.Distinct(StringComparer.Ordinal).ToList();
        var clients = await Task.WhenAll(distinct.Select(async email =>
        {
            await gate.WaitAsync();
            try
            {
                return (email, await signIn(email));
            }
            finally
            {
                gate.Release();
            }
        }));
        return clients.ToDictionary(c => c.email, c => c.Item2, StringComparer.Ordinal);
    }

    private static HttpClient Create(string url, bool cookies) =>
        new(new SocketsHttpHandler { UseCookies = cookies, CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = 512 })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
}
