using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing.Scenarios;
using Hub.Testing.Web;
using Hub.Web.Drafts;

namespace Hub.Web.Tests.Drafts;

/// <summary>
/// Attack finding 6: a side-by-side diff of two 200 kB revisions took 24 s and 19 MB per request, for any reader. Now a
/// field whose changed part is over the budget is not compared, the page says so and links both revisions.
/// </summary>
public sealed class DiffBudgetTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private static string Lines(string prefix, int n) => string.Join('\n', Enumerable.Range(0, n).Select(i => $"{prefix} {i} {new string('x', 30)}"));

    [Fact]
    public void OverBudget_CountsOnlyTheChangedMiddle()
    {
        var big = Lines("gleich", 5_000);

        Assert.False(RevisionDiff.OverBudget(big, big.Replace("gleich 2500 ", "geändert 2500 ", StringComparison.Ordinal)));
        Assert.True(RevisionDiff.OverBudget(Lines("alt", 5_000), Lines("neu", 5_000)));
        Assert.True(RevisionDiff.OverBudget("a", new string('b', RevisionDiff.MaxChangedChars + 1)));
    }

    [Fact]
    public async Task DiffOfTwoLargeRewrites_SaysTooLargeOnThePageAndInTheApi()
    {
        var draft = await Given.DraftAsync(app, "Große Fassungen");
        var editor = await app.ApiAsync(draft.Editor);
        foreach (var (text, revision) in new[] { (Lines("alt", 5_000), 1), (Lines("neu", 5_000), 2) })
        {
            var saved = await editor.PutAsJsonAsync($"/api/v1/drafts/{draft.DraftId}", new { title = "Große Fassungen", body = text, baseRevision = revision });
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        var page = await (await app.SignedInAsync(draft.Editor)).GetAsync($"/entwuerfe/{draft.DraftId}/vergleich?von=2&bis=3&ansicht=nebeneinander");
        var api = JsonDocument.Parse(await editor.GetStringAsync($"/api/v1/drafts/{draft.DraftId}/diff?from=2&to=3")).RootElement;

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("zu umfangreich", html, StringComparison.Ordinal);
        Assert.Contains($"/entwuerfe/{draft.DraftId}/fassungen/3", html, StringComparison.Ordinal);
        Assert.True(html.Length < 100_000, $"the page is {html.Length} characters");
        var body = api.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "body");
        Assert.True(body.GetProperty("tooLarge").GetBoolean());
        Assert.Equal(0, body.GetProperty("lines").GetArrayLength());
    }
}
