using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hub.Browser.Tests;

/// <summary>Nachnutzung with an upgrade and the Umsetzungsstand page, in the browser and axe-core clean.</summary>
public sealed class AdoptionBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Task<IPage> SignedInAsync(string email) => browser.SignedInAsync(email);

    private static Task AxeCleanAsync(IPage page) => BrowserFixture.AxeCleanAsync(page);

    [Fact]
    public async Task Zwingenberg_SeesTheUpdate_ReadsTheDiff_Upgrades_AndKeepsItsStatus()
    {
        var editor = await SignedInAsync("editor@zwingenberg.demo");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Nachnutzungen" }).First.ClickAsync();
        await AxeCleanAsync(editor);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Urkundenanforderung Standesamt" }).ClickAsync();
        // The demo's story: Zwingenberg runs 1.0 live, Viernheim has released 1.1 since.
        Assert.Contains("live", await editor.Locator("dl").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Update verfügbar: Version 1.1", await editor.Locator("#s-update").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await editor.Locator(".hub-diff--ins", new() { HasText = "## Neu in 1.1" }).CountAsync());
        await AxeCleanAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Auf Version 1.1 aktualisieren" }).ClickAsync();
        Assert.Contains("Version 1.1", await editor.Locator("dl").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await editor.Locator("#s-update").CountAsync());

        await editor.GetByRole(AriaRole.Link, new() { Name = "Nachnutzungen" }).First.ClickAsync();
        Assert.Contains("1.1", await editor.Locator("tbody").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Umsetzungsstand_EditorChangesAStatus_ObserverReads_AxeClean()
    {
        var editor = await SignedInAsync("editor@viernheim.demo");
        await editor.GotoAsync("/organisationen");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Viernheim", Exact = true }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Umsetzungsstand" }).ClickAsync();
        await AxeCleanAsync(editor);
        await editor.GetByLabel("Status von Nutzung von Sport- und Freizeitangeboten").SelectOptionAsync("in_progress");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Umsetzungsstand speichern" }).ClickAsync();
        Assert.Contains("Gespeichert", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("in_progress", await editor.GetByLabel("Status von Nutzung von Sport- und Freizeitangeboten").InputValueAsync());

        var observer = await SignedInAsync("observer@hmdis.demo");
        await observer.GotoAsync(editor.Url.Split('?')[0]);
        Assert.Contains("in Umsetzung", await observer.Locator(".hub-status-table tbody").InnerTextAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(observer);
    }

    [Fact]
    public async Task PublicCatalogue_SearchSignedOut_OpensTheService_AxeClean()
    {
        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/dienste");
        await AxeCleanAsync(visitor);
        await visitor.GetByLabel("Volltextsuche").FillAsync("Reisepass");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        Assert.True(await visitor.Locator(".hub-snippet mark").CountAsync() > 0);
        await AxeCleanAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Urkundenanforderung Standesamt" }).ClickAsync();
        Assert.Contains("Viernheim", await visitor.Locator("dl").InnerTextAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(visitor);
    }

    [Fact]
    public async Task ObserverDashboards_StateAndOrganization_AxeClean()
    {
        var observer = await SignedInAsync("observer@hmdis.demo");
        await observer.GetByRole(AriaRole.Link, new() { Name = "Landes-Dashboard: Hessen" }).ClickAsync();
        Assert.Contains("Kommunen in", await observer.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await observer.Locator("svg[role='img']").CountAsync() > 0);
        await AxeCleanAsync(observer);
        await observer.GotoAsync("/organisationen?q=Viernheim");
        await observer.GetByRole(AriaRole.Link, new() { Name = "Viernheim", Exact = true }).ClickAsync();
        await observer.GetByRole(AriaRole.Link, new() { Name = "Fortschritt" }).ClickAsync();
        Assert.Contains("Leistungen sind online", await observer.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(observer);
    }
}
