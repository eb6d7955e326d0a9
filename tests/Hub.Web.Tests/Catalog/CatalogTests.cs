using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests.Catalog;

public sealed class CatalogTests(HubWebFactory app) : IClassFixture<HubWebFactory>
{
    [Fact]
    public async Task CataloguePage_SignedOut_BrowsesByThemenfeldAndSearches()
    {
        var client = app.Browser();

        var all = await Html.ParseAsync(await client.GetAsync("/katalog"));
        var search = await Html.ParseAsync(await client.GetAsync("/katalog?q=Urkunde"));
        var themenfeld = await Html.ParseAsync(await client.GetAsync("/katalog?themenfeld=2"));

        Assert.Equal(14, all.QuerySelectorAll("nav[aria-label='Themenfelder'] a").Length);
        Assert.Contains(search.QuerySelectorAll("tbody a"), a => a.GetAttribute("href") == "/katalog/10557");
        Assert.All(themenfeld.QuerySelectorAll("tbody tr td:nth-child(3)"), td => Assert.Equal("Bauen & Wohnen", td.TextContent));
        Assert.NotEmpty(themenfeld.QuerySelectorAll("tbody tr"));
    }

    [Fact]
    public async Task ServicePage_ShowsLeikaAndTheReleasedDemoService()
    {
        var page = await Html.ParseAsync(await app.Browser().GetAsync("/katalog/10557"));

        Assert.Equal("Geburtsurkunde und -bescheinigung", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Urkundenanforderung Standesamt 1.1", page.QuerySelector("#freigaben + ul")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll("table tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync("/katalog/99999")).StatusCode);
    }

    [Fact]
    public async Task Api_SearchFilterAndOneService()
    {
        var client = app.CreateClient();

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalog/services?q=urkunde&themenfeld=10");
        var one = await client.GetFromJsonAsync<JsonElement>("/api/v1/catalog/services/10557");
        var missing = await client.GetAsync("/api/v1/catalog/services/12");
        var bad = await client.GetAsync("/api/v1/catalog/services?pageSize=0");

        Assert.Contains(list.GetProperty("items").EnumerateArray(), s => s.GetProperty("ozgId").GetString() == "10557");
        Assert.All(list.GetProperty("items").EnumerateArray(), s => Assert.Equal(10, s.GetProperty("themenfeldId").GetInt32()));
        Assert.Equal("Querschnitt", one.GetProperty("themenfeld").GetString());
        Assert.Equal("1.1", one.GetProperty("releases")[0].GetProperty("version").GetString());
        Assert.Equal("not_found", (await Problem.ReadAsync(missing, HttpStatusCode.NotFound)).Code);
        Assert.NotEmpty((await Problem.ReadAsync(bad, HttpStatusCode.BadRequest)).FieldErrors("pageSize"));
    }

    [Fact]
    public async Task ImportCommand_RealFilesTwice_SecondRunSaysNothingChanged()
    {
        var store = new Hub.Data.Catalog.CatalogStore(app.OwnerDb);
        var first = new StringWriter();
        var second = new StringWriter();
        var wrong = new StringWriter();

        Assert.Equal(0, await Hub.Web.Catalog.CatalogCli.ImportAsync(store, Hub.Testing.ReferenceData.Directory, first, default));
        Assert.Equal(0, await Hub.Web.Catalog.CatalogCli.ImportAsync(store, Hub.Testing.ReferenceData.Directory, second, default));
        Assert.Equal(2, await Hub.Web.Catalog.CatalogCli.ImportAsync(store, "/nirgendwo", wrong, default));

        Assert.Contains("[4/4] LeiKa-Leistungen: 5222 rows", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("Catalogue already up to date: nothing changed.", second.ToString(), StringComparison.Ordinal);
        Assert.Contains("is not a directory", wrong.ToString(), StringComparison.Ordinal);
        Assert.Equal(557, await app.Data.CountAsync("catalog_services"));
    }

    [Fact]
    public async Task Draft_WithAnOzgIdOutsideTheCatalogue_Is400WithAFieldError()
    {
        var api = await app.ApiAsync("editor@viernheim.demo");
        var me = await api.GetFromJsonAsync<JsonElement>("/api/v1/me");
        var org = me.GetProperty("memberships")[0].GetProperty("organizationId").GetGuid();
        var coop = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/cooperations?organizationId={org}")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var response = await api.PostAsJsonAsync("/api/v1/drafts", new
        {
            organizationId = org, cooperationId = coop, title = "Mit falscher OZG-ID", body = "", catalogServiceIds = new[] { "10557", "99998" },
        });

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(problem.FieldErrors("catalogServiceIds"), e => e.Contains("99998", StringComparison.Ordinal));
        Assert.Equal(0, await app.Data.CountAsync("drafts", "title = 'Mit falscher OZG-ID'"));
    }
}
