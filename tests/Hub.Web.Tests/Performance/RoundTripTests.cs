using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Hub.Web.Tests.Performance;

/// <summary>
/// Database commands per page, counted from Npgsql's activities for this test's own database (every command is one
/// round trip; batched statements count once). Each page has a documented bound, and a page must not need more
/// commands when its lists grow (no N+1). Besides the commands, every transaction costs its context and its end.
/// </summary>
public sealed class RoundTripTests(HubWebFactory app, ITestOutputHelper output) : IClassFixture<HubWebFactory>, IDisposable
{
    private readonly ConcurrentQueue<string> _commands = new();
    private ActivityListener? _listener;

    private string Database => new NpgsqlConnectionStringBuilder(app.ConnectionString).Database!;

    private void Listen()
    {
        var database = Database;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (Equals(a.GetTagItem("db.namespace"), database))
                    _commands.Enqueue(a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener?.Dispose();

    private async Task<int> CountAsync(HttpClient client, string path)
    {
        _commands.Clear();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return _commands.Count;
    }

    // Page → most commands it may send, as measured when this test was written (2026-11-22, lowered 2026-12-01 when a
    // request's reads began to share one transaction, when the session check began to load the actor with it, and when
    // it began to open that transaction itself with the unread badge's count); lower them as pages get leaner, never
    // raise them without a reason here. The sign-in cookie costs 1 on every page: the session check with the actor, the
    // acting user for row-level security and the layout's unread badge, as the first command of the request's shared
    // read transaction. The draft page reads its change counter next (1) and, when the hub keeps that state of the page
    // already ("draft page, kept": the same page again), nothing else. The diff reads the draft with its current revision
    // (1) and the older revision (1); 5 until 2026-12-01, when it read the draft twice and the current revision again.
    // An API call's bearer token costs 1 (token check with the actor; 2 until 2026-12-01), its reads' transaction 1
    // (set_config).
    private static readonly (string Name, int Bound)[] _bounds =
    [
        ("start page", 4), ("draft list", 3), ("draft page", 8), ("draft page, kept", 2), ("revision diff", 3), ("inbox", 3), ("release list", 3),
        ("release page", 5), ("public catalogue", 5), ("adoptions", 2), ("API: a draft", 3),
    ];

    [Fact]
    public async Task EveryPage_StaysWithinItsBound_AndDoesNotGrowWithItsLists()
    {
        Listen();
        var (editor, draft) = await DraftApi.NewDraftAsync(app, "Rundreisen");
        var release = (await DraftApi.ApproveAndReleaseAsync(app, draft, false, "Erste")).ReleaseId;
        // A second revision, so that the diff compares an older revision with the current one from the start.
        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{draft}", new { title = "Rundreisen", body = "## Ablauf\n\nStand 0", baseRevision = 1 }), HttpStatusCode.OK);
        var browser = await app.SignedInAsync("editor@viernheim.demo");
        (string Name, HttpClient Client, string Path)[] paths =
        [
            ("start page", browser, "/"), ("draft list", browser, "/entwuerfe"), ("draft page", browser, $"/entwuerfe/{draft}"),
            ("draft page, kept", browser, $"/entwuerfe/{draft}"), ("revision diff", browser, $"/entwuerfe/{draft}/vergleich"), ("inbox", browser, "/posteingang"),
            ("release list", browser, "/freigaben"), ("release page", browser, $"/freigaben/{release}"), ("public catalogue", browser, "/dienste"),
            ("adoptions", browser, "/nachnutzungen"), ("API: a draft", editor, $"/api/v1/drafts/{draft}"),
        ];

        var small = new Dictionary<string, int>();
        foreach (var (name, client, path) in paths)
            small[name] = await CountAsync(client, path);

        // Grow every list the pages show: revisions, comments, reviews, drafts, releases, notifications.
        var reviewer = await app.ApiAsync("reviewer@bensheim.demo");
        for (var i = 0; i < 15; i++)
        {
            await DraftApi.JsonAsync(await reviewer.PostAsJsonAsync($"/api/v1/drafts/{draft}/comments", new { body = $"Anmerkung {i}" }), HttpStatusCode.Created);
            await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{draft}", new { title = "Rundreisen", body = $"## Ablauf\n\nStand {i + 1}", baseRevision = i + 2 }), HttpStatusCode.OK);
        }

        for (var i = 0; i < 5; i++)
        {
            var (_, other) = await DraftApi.NewDraftAsync(app, $"Weitere {i}");
            await DraftApi.ApproveAndReleaseAsync(app, other, false, "mehr");
        }

        foreach (var (name, client, path) in paths)
        {
            var large = await CountAsync(client, path);
            var bound = _bounds.Single(b => b.Name == name).Bound;
            output.WriteLine($"{name}: {small[name]} commands with short lists, {large} with long lists (bound {bound})");
            Assert.True(large <= bound, $"{name} sent {large} commands, more than its bound of {bound}");
            Assert.True(large <= small[name], $"{name} needs more commands as its lists grow: {small[name]} → {large} (N+1?)");
        }
    }
}
