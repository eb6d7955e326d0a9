using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Data.Common;
using Hub.Data.Embedded;
using Hub.Data.Migrations;
using Hub.Testing.Web;
using Hub.Web.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Hub.Web.Tests.Security;

/// <summary>The hub on a PostgreSQL cluster of its own, which the tests restart, kill and start again.</summary>
public sealed class OwnClusterHub : WebApplicationFactory<Program>, IAsyncLifetime
{
    private const string AppPassword = "FaultTestApp2026";
    private readonly string _home = Path.Combine(Path.GetTempPath(), "ikzhub-faults-" + Guid.NewGuid().ToString("N")[..12]);

    public EmbeddedPostgres Cluster { get; private set; } = null!;

    public string OwnerConnectionString { get; private set; } = "";

    /// <summary>Starts the cluster and prepares the database as an operator would (migrations, a login for hub_app).</summary>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_home);
        File.SetUnixFileMode(_home, (UnixFileMode)0b111_101_101);
        Cluster = await EmbeddedPostgres.StartAsync(new EmbeddedPostgresOptions { Home = _home, Database = "hub" });
        OwnerConnectionString = Cluster.ConnectionString;
        await using var owner = HubDatabase.CreateDataSource(OwnerConnectionString);
        await new MigrationRunner(owner).ApplyAsync(SchemaScripts.Embedded());
        await AppRole.EnableLoginAsync(owner, AppPassword, default);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Cluster.StopAsync();
        Directory.Delete(_home, recursive: true);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Hub", OwnerConnectionString);
        builder.UseSetting("ConnectionStrings:HubApp", AppRole.ConnectionString(OwnerConnectionString, AppPassword));
        builder.UseSetting("HUB_DEMO", "1");
        builder.UseSetting("Hub:Cookies:AllowHttp", "true");
        builder.UseSetting("Hub:SignIn:MaxFailuresPerSource", "10000");
        builder.UseSetting("Hub:Demo:ReferenceData", "");
    }

    public Task<HttpClient> ApiAsync(string email) => HubWebFactory.AuthorizeAsync(CreateClient(), email);
}

/// <summary>
/// PostgreSQL restarted (pg_ctl restart -m fast) and killed (SIGKILL to the postmaster) under a steady mixed load: the hub
/// recovers without a restart, failed requests are 503 with Retry-After and a problem body, no acknowledged write is lost.
/// </summary>
public sealed class DatabaseFaultTests(OwnClusterHub hub, ITestOutputHelper output) : IClassFixture<OwnClusterHub>
{
    private sealed record Sample(double At, string Kind, int Status, bool RetryAfter, string? ProblemCode);

    private static string? CodeOf(HttpResponseMessage response, string body) =>
        response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? JsonDocument.Parse(body).RootElement.GetProperty("code").GetString() : null;

    [Fact]
    public async Task RestartAndKill_UnderMixedLoad_503WithRetryAfterDuringTheOutage_RecoversByItself_NothingLost()
    {
        var editor = await hub.ApiAsync("editor@viernheim.demo");
        using var conn0 = new Npgsql.NpgsqlConnection(hub.OwnerConnectionString);
        await conn0.OpenAsync();
        var org = await Dapper.SqlMapper.QuerySingleAsync<Guid>(conn0, "select id from organizations where name = 'Viernheim'");
        var coop = await Dapper.SqlMapper.QuerySingleAsync<Guid>(conn0, "select id from cooperations where name = 'OZG-Modellkommune Viernheim'");
        await conn0.CloseAsync();
        var created = await editor.PostAsJsonAsync("/api/v1/drafts", new { organizationId = org, cooperationId = coop, title = "Ausfallsicher", body = "## Start" });
        var draft = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var clock = Stopwatch.StartNew();
        var samples = new ConcurrentBag<Sample>();
        var acknowledged = new ConcurrentBag<(int Revision, string Marker)>();
        var applied = 0; // saves whose answer the outage swallowed: their repeat heard "already applied"
        using var stop = new CancellationTokenSource();

        async Task<HttpResponseMessage> RecordAsync(string kind, Func<Task<HttpResponseMessage>> send)
        {
            var response = await send();
            await response.Content.LoadIntoBufferAsync();
            var code = CodeOf(response, await response.Content.ReadAsStringAsync());
            samples.Add(new Sample(clock.Elapsed.TotalSeconds, kind, (int)response.StatusCode, response.Headers.RetryAfter is not null, code));
            return response;
        }

        async Task ReaderAsync()
        {
            var client = await hub.ApiAsync("observer@hmdis.demo");
            while (!stop.IsCancellationRequested)
            {
                await RecordAsync("read", () => client.GetAsync($"/api/v1/drafts/{draft}"));
                await RecordAsync("list", () => client.GetAsync("/api/v1/drafts?pageSize=20"));
                await Task.Delay(20);
            }
        }

        async Task WriterAsync(int worker)
        {
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var marker = $"Schreiber {worker}, Nr. {n++}";
                var key = Guid.NewGuid().ToString();
                // Repeat the same save (same key) until it is answered: 200 acknowledged, 409 because another save came first,
                // or 409 already_applied. A save once sent is followed up even after the load stops, so none stays unknown.
                // A repeat is the same request: the key names its body (attack finding 12), so the revision it is based on is
                // read once, before the first send, and a repeat sends exactly that again.
                var sent = false;
                int? revision = null;
                while (!stop.IsCancellationRequested || sent)
                {
                    if (revision is null)
                    {
                        var current = await RecordAsync("read", () => editor.GetAsync($"/api/v1/drafts/{draft}"));
                        if (current.StatusCode != HttpStatusCode.OK)
                        {
                            await Task.Delay(200);
                            continue;
                        }

                        revision = JsonDocument.Parse(await current.Content.ReadAsStringAsync()).RootElement.GetProperty("revision").GetInt32();
                    }

                    sent = true;
                    var response = await RecordAsync("write", () => editor.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/v1/drafts/{draft}")
                    {
                        Content = JsonContent.Create(new { title = "Ausfallsicher", body = "## Stand\n\n" + marker, baseRevision = revision }),
                        Headers = { { IdempotencyFilter.Header, key } },
                    }));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add((JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("revision").GetInt32(), marker));
                        break;
                    }

                    var problem = CodeOf(response, await response.Content.ReadAsStringAsync());
                    if (problem == "already_applied")
                    {
                        Interlocked.Increment(ref applied);
                        break;
                    }

                    if (response.StatusCode == HttpStatusCode.Conflict && problem != "request_in_progress")
                        break;
                    await Task.Delay(200);
                }
            }
        }

        async Task SteadyAsync(double seconds)
        {
            // Wait until requests made after this point have succeeded, every one of them, for a while.
            var since = clock.Elapsed.TotalSeconds;
            var deadline = since + 60;
            while (clock.Elapsed.TotalSeconds < deadline)
            {
                await Task.Delay(250);
                var now = clock.Elapsed.TotalSeconds;
                var recent = samples.Where(s => s.At > Math.Max(since, now - seconds)).ToList();
                if (now - since >= seconds && recent.Count > 5 && recent.All(s => s.Status < 500))
                    return;
            }

            throw new TimeoutException("the hub did not recover within 60 s");
        }

        var load = Task.WhenAll(ReaderAsync(), ReaderAsync(), WriterAsync(1), WriterAsync(2), WriterAsync(3));
        await SteadyAsync(2);

        var restartAt = clock.Elapsed.TotalSeconds;
        await hub.Cluster.RestartFastAsync();
        var restartedAt = clock.Elapsed.TotalSeconds;
        await SteadyAsync(2);

        var killAt = clock.Elapsed.TotalSeconds;
        hub.Cluster.KillPostmaster();
        await Task.Delay(1000);
        await hub.Cluster.StartAgainAsync();
        var startedAt = clock.Elapsed.TotalSeconds;
        // A writer whose request died with the server repeats it, and its key stays claimed until the claim counts as
        // abandoned (20 s, IdempotencyStore.AbandonedAfter): a writer with fresh keys shows that writes work at once.
        var fresh = WriterAsync(4);
        await SteadyAsync(3);
        await stop.CancelAsync();
        await load;
        await fresh;

        var failed = samples.Where(s => s.Status >= 500).ToList();
        // An outage must not look like a lost sign-in either: the token check itself needs the database.
        Assert.DoesNotContain(samples, s => s.Status is 401 or 302);
        Assert.All(failed, s => Assert.True(s.Status == 503 && s.RetryAfter && s.ProblemCode == "unavailable", $"{s.Kind} at {s.At:0.00}s: {s.Status}, Retry-After {s.RetryAfter}, code {s.ProblemCode}"));
        foreach (var (name, from, up, to) in new[] { ("restart", restartAt, restartedAt, killAt), ("SIGKILL", killAt, startedAt, double.MaxValue) })
        {
            var window = failed.Where(s => s.At >= from && s.At < to).ToList();
            var firstSuccess = samples.Where(s => s.At >= up && s.At < to && s.Status < 500).Select(s => s.At).DefaultIfEmpty(double.NaN).Min();
            output.WriteLine($"{name}: {window.Count} requests answered 503, failure window {(window.Count == 0 ? 0 : window.Max(s => s.At) - window.Min(s => s.At)):0.00} s, " +
                $"first success {firstSuccess - up:0.00} s after the server was back ({up - from:0.00} s after the fault)");
            Assert.False(double.IsNaN(firstSuccess), $"no success after the {name}");
        }

        var history = (await editor.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{draft}/revisions"))!.EnumerateArray()
            .ToDictionary(r => r.GetProperty("revision").GetInt32(), r => r.GetProperty("body").GetString()!);
        var lost = acknowledged.Count(a => !history.TryGetValue(a.Revision, out var body) || !body.EndsWith(a.Marker, StringComparison.Ordinal));
        output.WriteLine($"{samples.Count} requests, {failed.Count} answered 503, {acknowledged.Count} saves acknowledged, {lost} lost, " +
            $"{history.Count} revisions, {applied} saves whose answer the outage cut off and whose repeat was told already_applied");
        Assert.Equal(0, lost);
        // Every revision is accounted for: the first, the acknowledged saves, and those whose repeat heard they were applied.
        Assert.Equal(1 + acknowledged.Count + applied, history.Count);
        Assert.Contains(samples, s => s.Kind == "write" && s.Status == 200 && s.At > startedAt);
    }
}

/// <summary>Started while its PostgreSQL is down: /healthz says so, requests get 503, and the hub comes up by itself with the database.</summary>
public sealed class DatabaseDownAtStartTests
{
    [Fact]
    public async Task HubStartedWithoutItsDatabase_Healthz503ThenRecoversWhenPostgresComesUp()
    {
        var hub = new OwnClusterHub();
        await ((IAsyncLifetime)hub).InitializeAsync();
        try
        {
            await hub.Cluster.StopAsync();
            var client = hub.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

            var health = await client.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            Assert.Equal("down", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("database").GetString());
            var page = await client.GetAsync("/dienste");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
            Assert.Contains("Vorübergehend nicht erreichbar", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            var api = await client.GetAsync("/api/v1/catalog/themenfelder");
            Assert.Equal("unavailable", (await Problem.ReadAsync(api, HttpStatusCode.ServiceUnavailable)).Code);

            await hub.Cluster.StartAgainAsync();
            var up = Stopwatch.StartNew();
            while ((await client.GetAsync("/healthz")).StatusCode != HttpStatusCode.OK)
            {
                Assert.True(up.Elapsed < TimeSpan.FromSeconds(60), "the hub did not notice the database within 60 s");
                await Task.Delay(250);
            }

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dienste")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await (await hub.ApiAsync("editor@viernheim.demo")).GetAsync("/api/v1/drafts")).StatusCode);
        }
        finally
        {
            await ((IAsyncLifetime)hub).DisposeAsync();
        }
    }
}
