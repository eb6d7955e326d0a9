using System.Net;
using Hub.Testing.Web;

namespace Hub.Benchmarks.Load;

/// <summary>Clients of the hub under load: browsers signed in through the real form (cookie session) and API clients with a bearer token.</summary>
internal static class BenchUsers
{
    public static HttpClient Anonymous(string url) => Create(url, cookies: false);

    public static async Task<HttpClient> BrowserAsync(string url, string email, string password)
    {
        var client = Create(url, cookies: true);
        var response = await HubWebFactory.PostFormAsync(client, "/anmelden", "/anmelden", new() { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"sign-in of {email} answered {(int)response.StatusCode}");
        return client;
    }

    public static Task<HttpClient> ApiAsync(string url, string email, string password) =>
        HubWebFactory.AuthorizeAsync(Create(url, cookies: false), email, password);

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
