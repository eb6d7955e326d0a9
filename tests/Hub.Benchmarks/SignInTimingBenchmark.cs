using System.Globalization;
using System.Net.Http.Json;
using Hub.Testing;
using Hub.Testing.Web;

namespace Hub.Benchmarks;

/// <summary>
/// Account enumeration by timing: the token endpoint's answer time for an unknown address, a wrong password (which
/// soon locks the account) and the right password, through the real app. Reported, not asserted; the deterministic
/// guarantee (one hash verification on every path) is a test in Hub.Core.Tests.
/// </summary>
internal static class SignInTimingBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Measure.Option(args, "--requests", 60);
        await using var app = new HubWebFactory();
        await app.InitializeAsync();
        var client = app.CreateClient();
        var org = await app.Data.OrganizationAsync();
        var (_, email) = await app.Data.UserAsync(null, false, (org, "editor"));
        async Task PostAsync(string who, string password)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = who, password });
            await response.Content.ReadAsByteArrayAsync();
        }

        var unknown = await Measure.RepeatAsync("unknown address", 10, requests, () => PostAsync($"niemand{Guid.NewGuid():N}@viernheim.demo", "irgendwas-2026"));
        var wrong = await Measure.RepeatAsync("wrong password (locked after 5)", 10, requests, () => PostAsync(email, "falsches-Passwort"));
        var (_, other) = await app.Data.UserAsync(null, false, (org, "editor"));
        var right = await Measure.RepeatAsync("right password", 10, requests, () => PostAsync(other, TestData.Password));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median wrong/unknown {Measure.Percentile(wrong, 0.5) / Measure.Percentile(unknown, 0.5):F2}, right/unknown {Measure.Percentile(right, 0.5) / Measure.Percentile(unknown, 0.5):F2}"));
        return 0;
    }
}
