using System.Diagnostics;
using System.Net;
using System.Text;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using Xunit.Abstractions;

namespace Hub.Web.Tests.Security;

/// <summary>Random, oversized, deeply nested and invalid-UTF-8 input against every API route: always 4xx, never 5xx, memory bounded.</summary>
public sealed class FuzzTests(HubWebFactory app, ITestOutputHelper output) : IClassFixture<HubWebFactory>
{
    private static IEnumerable<(string Name, Func<HttpContent> Body)> Bodies(Random random)
    {
        byte[] Bytes(int n)
        {
            var b = new byte[n];
            random.NextBytes(b);
            return b;
        }

        HttpContent Raw(byte[] bytes, string type) => new ByteArrayContent(bytes) { Headers = { { "Content-Type", type } } };
        HttpContent Json(string text) => new StringContent(text, Encoding.UTF8, "application/json");

        yield return ("random bytes as JSON", () => Raw(Bytes(4096), "application/json"));
        yield return ("invalid UTF-8 in a JSON string", () => Raw([.. "{\"title\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\",\"body\":\"x\"}"u8], "application/json; charset=utf-8"));
        yield return ("invalid UTF-8 as CSV", () => Raw([.. "ags,ozg_id\n"u8, 0xFF, 0xFE, 0x80, .. "\n"u8], "text/csv"));
        yield return ("nested 10,000 deep", () => Json(new string('[', 10_000) + new string(']', 10_000)));
        yield return ("nested objects 5,000 deep", () => Json(string.Concat(Enumerable.Repeat("{\"a\":", 5_000)) + "1" + new string('}', 5_000)));
        yield return ("over the body limit", () => Json("{\"body\":\"" + new string('x', 3 * 1024 * 1024) + "\"}"));
        yield return ("a long string in every field", () => Json(
            "{\"title\":\"" + new string('T', 100_000) + "\",\"body\":\"" + new string('B', 600_000) + "\",\"reason\":\"" + new string('R', 100_000) +
            "\",\"notes\":\"" + new string('N', 100_000) + "\",\"email\":\"" + new string('e', 10_000) + "@x.de\"}"));
        yield return ("wrong types", () => Json("{\"title\":5,\"body\":[],\"baseRevision\":\"eins\",\"revision\":{},\"organizationId\":\"keine-guid\",\"breaking\":\"ja\",\"rows\":7,\"ids\":\"x\"}"));
        yield return ("numbers out of range", () => Json("{\"baseRevision\":1e400,\"revision\":-99999999999999999999,\"requiredApprovals\":2147483648,\"baseRowVersion\":-1,\"targetReifegrad\":99}"));
        yield return ("null", () => Json("null"));
        yield return ("an array", () => Json("[1,2,3]"));
        yield return ("control characters and lone surrogates", () => Json("{\"title\":\"\\u0000\\u001f\\ud800\",\"body\":\"\\udfff\\u0007\",\"verdict\":\"\\u0000\"}"));
        yield return ("empty", () => Json(""));
        yield return ("form instead of JSON", () => new FormUrlEncodedContent(new Dictionary<string, string> { ["title"] = "x" }));
        yield return ("a form with 1,100 fields", () => new FormUrlEncodedContent(Enumerable.Range(0, 1_100).ToDictionary(i => "f" + i, _ => "x")));
        yield return ("chunked, past the body limit", () => new StreamContent(new UnsizedStream(Encoding.UTF8.GetBytes("{\"body\":\"" + new string('x', 2 * 1024 * 1024))))
        {
            Headers = { { "Content-Type", "application/json" } },
        });
        yield return ("Markdown nested past the parser's limit", () => Json(
            "{\"title\":\"t\",\"body\":\"" + new string('>', 2_000) + " x\",\"notes\":\"" + string.Concat(Enumerable.Repeat("[a](", 5_000)) + "\",\"reason\":\"" + new string('*', 5_000) + "\"}"));
        yield return ("NUL and control characters in every field", () => Json(
            "{\"title\":\"a\\u0000\",\"body\":\"\\u0002b\\u0003\",\"reason\":\"\\u0000\",\"notes\":\"\\u001b\",\"email\":\"a\\u0000@b.de\",\"q\":\"\\u0000\"}"));
        yield return ("non-ASCII in every string", () => Json(
            "{\"title\":\"Ärger „über“ 𝔘\",\"body\":\"ß\",\"reason\":\"é\",\"notes\":\"ñ\",\"email\":\"jürgen@bürger.de\",\"verdict\":\"zustimmen\",\"status\":\"löschen\"}"));
    }

    private static string Fill(string pattern, Guid draft) => System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^}:]+)(:[^}]*)?\}", m => m.Groups[1].Value switch
    {
        "revision" => "1",
        "landCode" or "land" => "06",
        "ozgId" => "10557",
        "documentName" => "v1",
        "code" => "400",
        _ when m.Value.Contains(":guid", StringComparison.Ordinal) => draft.ToString(),
        _ => "%00%FF" + new string('z', 300),
    });

    [Fact]
    public async Task EveryApiRoute_FuzzedBodies_Answer4xxNever5xx_AndMemoryStaysBounded()
    {
        var (_, draft) = await DraftApi.NewDraftAsync(app, "Fuzz-Ziel");
        var clients = new[] { await app.ApiAsync("editor@viernheim.demo"), await app.ApiAsync("admin@ikzhub.demo"), app.CreateClient() };
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(r => !(r.Method == "DELETE" && r.Pattern.EndsWith("auth/token", StringComparison.Ordinal))) // would revoke the fuzzing client's own token
            .Distinct().ToList();
        var random = new Random(20261122);
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        var requests = 0;
        var failures = new List<string>();
        foreach (var (method, pattern) in routes)
        {
            foreach (var target in new[] { draft, Guid.NewGuid() })
            {
                var path = "/" + Fill(pattern, target).TrimStart('/');
                var bodies = method is "GET" or "DELETE" ? [("query junk", () => (HttpContent)new StringContent(""))] : Bodies(random).ToList();
                foreach (var (name, body) in bodies)
                {
                    foreach (var client in clients)
                    {
                        var query = method is not "GET" ? ""
                            : (requests % 2 == 0 ? "?page=-1&pageSize=99999999999&q=" + Uri.EscapeDataString(new string('ä', 3000)) + "&from=x&to=%FF&status=%00"
                               : "?page=2147483647&pageSize=200&q=%00%01&land=%C3%BC&returnUrl=/entw%C3%BCrfe");
                        using var request = new HttpRequestMessage(new HttpMethod(method), path + query) { Content = method is "GET" ? null : body() };
                        using var response = await client.SendAsync(request);
                        requests++;
                        if ((int)response.StatusCode >= 500)
                            failures.Add($"{method} {pattern} [{name}]: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    }
                }

                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
            }
        }

        output.WriteLine($"{routes.Count} API routes × methods, {requests} fuzzed requests; working set {before / 1048576} MiB before, peak {peak / 1048576} MiB");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        Assert.Equal(HttpStatusCode.OK, (await clients[0].GetAsync("/healthz")).StatusCode);
        Assert.True(peak - before < 600L * 1048576, $"working set grew by {(peak - before) / 1048576} MiB");
    }
}
