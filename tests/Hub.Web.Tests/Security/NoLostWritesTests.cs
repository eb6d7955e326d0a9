using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing;
using Hub.Testing.Web;
using Hub.Web.Common;
using Hub.Web.Tests.Drafts;
using Xunit;
using Xunit.Abstractions;

namespace Hub.Web.Tests.Security;

/// <summary>Every acknowledged write is kept, every refused one said 409, a double submit writes once.</summary>
public sealed class NoLostWritesTests(HubWebFactory app, ITestOutputHelper output) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task FiftyEditorsTwentySavesEach_OnSharedDrafts_EveryAcknowledgedSaveIsInTheHistory_EveryRefusalWas409()
    {
        const int editors = 50;
        const int saves = 20;
        var (org, _) = await DraftApi.ViernheimAsync(app);
        var drafts = new List<Guid>();
        for (var i = 0; i < 5; i++)
            drafts.Add((await DraftApi.NewDraftAsync(app, $"Gemeinsam bearbeitet {i}")).Id);
        var clients = new List<HttpClient>();
        for (var e = 0; e < editors; e++)
        {
            var (_, email) = await app.Data.UserAsync(null, false, (org, "editor"));
            clients.Add(await app.ApiAsync(email, TestData.Password));
        }

        var acknowledged = new ConcurrentBag<(Guid Draft, int Revision, string Marker)>();
        var conflicts = 0;
        var other = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, editors), new ParallelOptions { MaxDegreeOfParallelism = editors }, async (e, ct) =>
        {
            for (var s = 0; s < saves; s++)
            {
                var draft = drafts[(e + s) % drafts.Count];
                var current = (await clients[e].GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{draft}", ct)).GetProperty("revision").GetInt32();
                var marker = $"Bearbeiter {e}, Speicherung {s}";
                var response = await clients[e].PutAsJsonAsync($"/api/v1/drafts/{draft}", new { title = $"Gemeinsam {e}-{s}", body = "## Ablauf\n\n" + marker, baseRevision = current }, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                    acknowledged.Add((draft, (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("revision").GetInt32(), marker));
                else if (response.StatusCode == HttpStatusCode.Conflict)
                    Interlocked.Increment(ref conflicts);
                else
                    other.Add($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
            }
        });

        var lost = 0;
        var owner = await app.ApiAsync("editor@viernheim.demo");
        foreach (var draft in drafts)
        {
            var history = (await owner.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{draft}/revisions"))!.EnumerateArray()
                .ToDictionary(r => r.GetProperty("revision").GetInt32(), r => r.GetProperty("body").GetString()!);
            var mine = acknowledged.Where(a => a.Draft == draft).ToList();
            lost += mine.Count(a => !history.TryGetValue(a.Revision, out var body) || !body.EndsWith(a.Marker, StringComparison.Ordinal));
            // Nothing was written that was not acknowledged: the first revision plus one per acknowledged save.
            Assert.Equal(1 + mine.Count, history.Count);
        }

        output.WriteLine($"attempts {editors * saves}, acknowledged {acknowledged.Count}, conflicts (409) {conflicts}, other {other.Count}, lost {lost}");
        Assert.Empty(other);
        Assert.Equal(editors * saves, acknowledged.Count + conflicts);
        Assert.Equal(0, lost);
        Assert.True(acknowledged.Count >= drafts.Count && conflicts > 0, "the run should have produced both saves and conflicts");
    }

    [Fact]
    public async Task DoubleSubmittedForm_SequentialAndParallel_CreatesOneDraftAndAnswersAlikeEachTime()
    {
        var (org, coop) = await DraftApi.ViernheimAsync(app);
        var browser = await app.SignedInAsync("editor@viernheim.demo");
        var form = await browser.GetStringAsync("/entwuerfe/neu");
        var key = System.Text.RegularExpressions.Regex.Match(form, $"name=\"{IdempotencyFilter.FormField}\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        var title = "Doppelt abgeschickt " + Guid.NewGuid().ToString("N")[..6];
        FormUrlEncodedContent Fields() => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HubWebFactory.AntiforgeryToken(form), [IdempotencyFilter.FormField] = key,
            ["Form.Choice"] = $"{org}|{coop}", ["Form.Title"] = title, ["Form.Body"] = "## Ablauf\n\nEinmal",
        });

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => browser.PostAsync("/entwuerfe/neu", Fields())));
        var again = await browser.PostAsync("/entwuerfe/neu", Fields());

        Assert.All(answers.Append(again), a => Assert.Equal(HttpStatusCode.Redirect, a.StatusCode));
        Assert.Single(answers.Append(again).Select(a => a.Headers.Location!.OriginalString).Distinct());
        Assert.Equal(1, await app.Data.CountAsync("drafts", "title = @title", new { title }));
    }

    [Fact]
    public async Task ApiIdempotencyKey_RepeatGetsTheSameAnswer_RefusalFreesTheKey_OtherRequestIs422()
    {
        var (editor, draft) = await DraftApi.NewDraftAsync(app, "Idempotente Kommentare");
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Comment(string body) => new(HttpMethod.Post, $"/api/v1/drafts/{draft}/comments")
        {
            Content = JsonContent.Create(new { body }),
            Headers = { { IdempotencyFilter.Header, key } },
        };

        await Problem.ReadAsync(await editor.SendAsync(Comment("")), HttpStatusCode.BadRequest);
        var first = await editor.SendAsync(Comment("Einmal bitte"));
        var second = await editor.SendAsync(Comment("Einmal bitte"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Data.CountAsync("comments", "draft_id = @draft", new { draft }));
        var elsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/v1/inbox/read") { Content = JsonContent.Create(new { ids = Array.Empty<Guid>() }), Headers = { { IdempotencyFilter.Header, key } } };
        Assert.Equal("idempotency_key_reused", (await Problem.ReadAsync(await editor.SendAsync(elsewhere), HttpStatusCode.UnprocessableEntity)).Code);
        // Another user's identical key is theirs alone.
        var partner = await app.ApiAsync("reviewer@bensheim.demo");
        Assert.Equal(HttpStatusCode.Created, (await partner.SendAsync(Comment("Von Bensheim"))).StatusCode);
        Assert.Equal(2, await app.Data.CountAsync("comments", "draft_id = @draft", new { draft }));
    }

    [Fact]
    public async Task ApiIdempotencyKey_SameRouteOtherBody_Is422AndTheFirstSaveStands()
    {
        // Attack finding 12: the second save with the key replayed the first answer and was silently lost.
        var (editor, draft) = await DraftApi.NewDraftAsync(app, "Ein Schlüssel, zwei Texte");
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Save(string body) => new(HttpMethod.Put, $"/api/v1/drafts/{draft}")
        {
            Content = JsonContent.Create(new { title = "Ein Schlüssel, zwei Texte", body, baseRevision = 1 }),
            Headers = { { IdempotencyFilter.Header, key } },
        };

        var first = await editor.SendAsync(Save("Erster Text"));
        var repeat = await editor.SendAsync(Save("Erster Text"));
        var other = await editor.SendAsync(Save("Zweiter Text"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeat.Content.ReadAsStringAsync());
        Assert.Equal("idempotency_key_reused", (await Problem.ReadAsync(other, HttpStatusCode.UnprocessableEntity)).Code);
        Assert.Equal(2, await app.Data.CountAsync("draft_revisions", "draft_id = @draft", new { draft }));
        Assert.Equal(1, await app.Data.CountAsync("draft_revisions", "draft_id = @draft and body = 'Erster Text'", new { draft }));
    }
}
