using System.Net;
using System.Net.Http.Json;
using System.Xml.Linq;
using Dapper;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;

namespace Hub.Web.Tests.Catalog;

/// <summary>The public catalogue of released services, signed out: search, filters, service pages, Atom feeds — released content only.</summary>
public sealed class PublicCatalogueTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    private async Task<Guid> DraftAsync(string title)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<Guid>("select id from drafts where title = @title", new { title });
    }

    [Fact]
    public async Task List_SignedOut_ShowsReleasedServicesOnly_WithAdoptionFigures()
    {
        var page = Html.Parse(await app.Browser().GetStringAsync("/dienste"));
        var titles = page.QuerySelectorAll(".hub-results h2 a").Select(a => a.TextContent).ToList();

        Assert.Contains("Urkundenanforderung Standesamt", titles);
        Assert.DoesNotContain("Sportförderung beantragen", titles); // approved, not released
        Assert.DoesNotContain("Ehrenamtskarte", titles);
        Assert.DoesNotContain("Hallenbuchung (alt)", titles);
        var urkunde = Html.Parse(await app.Browser().GetStringAsync($"/dienste/{await DraftAsync("Urkundenanforderung Standesamt")}"));
        Assert.Contains("1 Nachnutzungen, 1 live", urkunde.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/dienste/{await DraftAsync("Ehrenamtskarte")}")).StatusCode);
    }

    [Fact]
    public async Task Search_RanksStemsHighlightsAndEncodes_AndNeverFindsUnreleasedText()
    {
        var (editor, id) = await DraftApi.NewDraftAsync(app, "Personenstandsurkunden digital");
        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new
        {
            title = "Personenstandsurkunden digital", summary = "Beurkundungen <b>sofort</b> erhalten.",
            body = "## Ablauf\n\nDie Beurkundungen kommen per Post. Zitronenfalter.", baseRevision = 1,
        }), HttpStatusCode.OK);
        await DraftApi.ApproveAndReleaseAsync(app, id, false, "Erste Fassung");
        var (other, secret) = await DraftApi.NewDraftAsync(app, "Geheimer Entwurf");
        await DraftApi.JsonAsync(await other.PutAsJsonAsync($"/api/v1/drafts/{secret}", new { title = "Geheimer Entwurf", body = "Quittenbrot", baseRevision = 1 }), HttpStatusCode.OK);

        var html = await app.Browser().GetStringAsync("/dienste?q=Beurkundung");
        var page = Html.Parse(html);
        var secretHits = Html.Parse(await app.Browser().GetStringAsync("/dienste?q=Quittenbrot"));

        Assert.Equal("Personenstandsurkunden digital", page.QuerySelector(".hub-results h2 a")!.TextContent);
        var snippet = page.QuerySelector(".hub-snippet")!;
        Assert.NotEmpty(snippet.QuerySelectorAll("mark"));
        Assert.Empty(snippet.QuerySelectorAll("b"));
        Assert.Contains("sofort", snippet.TextContent, StringComparison.Ordinal); // the tag is dropped or encoded, never rendered
        Assert.Empty(secretHits.QuerySelectorAll(".hub-results li"));
    }

    [Fact]
    public async Task MatchCount_IsTheSameOnTheFirstPageAndPastTheLast()
    {
        static string Count(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("p.kern-body").Select(p => p.TextContent).Single(t => t.EndsWith(" Onlinedienste", StringComparison.Ordinal) || t.EndsWith(" Onlinedienst", StringComparison.Ordinal));

        var first = Html.Parse(await app.Browser().GetStringAsync("/dienste"));
        var beyond = Html.Parse(await app.Browser().GetStringAsync("/dienste?page=99"));

        var shown = first.QuerySelectorAll(".hub-results h2 a").Length; // fewer than a page of 20
        Assert.Equal(shown == 1 ? "1 Onlinedienst" : $"{shown} Onlinedienste", Count(first));
        Assert.Empty(beyond.QuerySelectorAll(".hub-results h2 a"));
        Assert.Equal(Count(first), Count(beyond));
    }

    [Fact]
    public async Task Search_HitsInTitleRankFirst_HitsOnlyInTheDescriptionAreFoundToo_AndCountedPastTheLastPage()
    {
        // Released first: the word in the title. Released later: the word only in the description.
        var (_, inTitle) = await DraftApi.NewDraftAsync(app, "Quarkstrudel beantragen");
        await DraftApi.ApproveAndReleaseAsync(app, inTitle, false, "Erste Fassung");
        var (second, inBody) = await DraftApi.NewDraftAsync(app, "Gebäckzulassung");
        await DraftApi.JsonAsync(await second.PutAsJsonAsync($"/api/v1/drafts/{inBody}", new
        {
            title = "Gebäckzulassung", body = "## Ablauf\n\nAuch für Quarkstrudel und anderes Gebäck.", baseRevision = 1,
        }), HttpStatusCode.OK);
        await DraftApi.ApproveAndReleaseAsync(app, inBody, false, "Erste Fassung");

        var page = Html.Parse(await app.Browser().GetStringAsync("/dienste?q=Quarkstrudel"));
        var beyond = Html.Parse(await app.Browser().GetStringAsync("/dienste?q=Quarkstrudel&page=9"));

        Assert.Equal(["Quarkstrudel beantragen", "Gebäckzulassung"], page.QuerySelectorAll(".hub-results h2 a").Select(a => a.TextContent));
        Assert.Contains(beyond.QuerySelectorAll("p.kern-body"), p => p.TextContent == "2 Onlinedienste");
        Assert.Empty(beyond.QuerySelectorAll(".hub-results h2 a"));
        var one = Html.Parse(await app.Browser().GetStringAsync("/dienste?q=Gebäckzulassung"));
        Assert.Contains(one.QuerySelectorAll("p.kern-body"), p => p.TextContent == "1 Onlinedienst");
    }

    [Fact]
    public async Task Search_LongDescription_SnippetShowsTheHitFarIntoTheText_NotACompoundBeforeIt()
    {
        // The snippet is made from a window of the text around the first word that is the query's lexeme (migration 0024):
        // here 3,000 characters in, after a compound that merely begins with it.
        var filler = string.Concat(Enumerable.Repeat("Die Verwaltung prüft jeden Antrag sorgfältig. ", 35));
        var (editor, id) = await DraftApi.NewDraftAsync(app, "Backwarenaufsicht");
        await DraftApi.JsonAsync(await editor.PutAsJsonAsync($"/api/v1/drafts/{id}", new
        {
            title = "Backwarenaufsicht", baseRevision = 1,
            body = $"## Ablauf\n\nDer Mandelkuchenteig ist kein Thema. {filler}{filler}Erst hier geht es um die Zulassung des Mandelkuchens.",
        }), HttpStatusCode.OK);
        await DraftApi.ApproveAndReleaseAsync(app, id, false, "Erste Fassung");

        var page = Html.Parse(await app.Browser().GetStringAsync("/dienste?q=Mandelkuchen"));

        var result = Assert.Single(page.QuerySelectorAll(".hub-results li"));
        Assert.Equal("Backwarenaufsicht", result.QuerySelector("h2 a")!.TextContent);
        Assert.Equal(["Mandelkuchens"], result.QuerySelectorAll(".hub-snippet mark").Select(m => m.TextContent));
        Assert.Contains("Zulassung des Mandelkuchens", result.QuerySelector(".hub-snippet")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("themenfeld=10", true)]
    [InlineData("themenfeld=2", false)]
    [InlineData("land=06", true)]
    [InlineData("land=09", false)]
    [InlineData("reifegrad=3", true)]
    [InlineData("reifegrad=4", false)]
    public async Task Filters_KeepOrDropTheUrkunde(string filter, bool kept)
    {
        var titles = Html.Parse(await app.Browser().GetStringAsync($"/dienste?{filter}")).QuerySelectorAll(".hub-results h2 a").Select(a => a.TextContent);

        Assert.Equal(kept, titles.Contains("Urkundenanforderung Standesamt"));
    }

    [Fact]
    public async Task OwnerFilter_AndAtomFeeds()
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        var wetzlar = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Wetzlar'");
        var byWetzlar = Html.Parse(await app.Browser().GetStringAsync($"/dienste?federfuehrend={wetzlar}"));
        var feed = await app.Browser().GetAsync("/dienste/feed.atom");
        var doc = XDocument.Parse(await feed.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var service = XDocument.Parse(await app.Browser().GetStringAsync($"/dienste/{await DraftAsync("Urkundenanforderung Standesamt")}/feed.atom"));
        var otherThemenfeld = XDocument.Parse(await app.Browser().GetStringAsync("/dienste/feed.atom?themenfeld=2"));

        Assert.Empty(byWetzlar.QuerySelectorAll(".hub-results li"));
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType!.MediaType);
        Assert.Contains(doc.Descendants(atom + "entry"), e => e.Element(atom + "title")!.Value == "Urkundenanforderung Standesamt 1.0");
        Assert.Equal(["Urkundenanforderung Standesamt 1.1", "Urkundenanforderung Standesamt 1.0"], service.Descendants(atom + "entry").Select(e => e.Element(atom + "title")!.Value));
        Assert.DoesNotContain(otherThemenfeld.Descendants(atom + "entry"), e => e.Element(atom + "title")!.Value.StartsWith("Urkunden", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/dienste/{await DraftAsync("Ehrenamtskarte")}/feed.atom")).StatusCode);
    }

    [Fact]
    public void Snippet_EncodesEverythingButTheMarks()
    {
        var html = Hub.Web.Catalog.PublicCatalogueController.Snippet("a <script>x</script> " + Hub.Core.Releases.SnippetMarks.Start + "Treffer" + Hub.Core.Releases.SnippetMarks.Stop).Value!;
        var doc = Html.Parse("<body>" + html + "</body>");

        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Equal("Treffer", doc.QuerySelector("mark")!.TextContent);
    }
}
