using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hub.Browser.Tests;

public sealed class FoundationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] _wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync("Demo-Passwort-2026!");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/anmelden", StringComparison.Ordinal));
    }

    private static async Task AssertNoAxeViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. _wcagTags] } });
        var report = string.Join("\n", result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
        Assert.True(result.Violations.Length == 0, $"axe-core violations on {page.Url}:\n{report}");
    }

    [Fact]
    public async Task Editor_SignsInOpensHerCooperation_AndEveryPageOnTheWayIsAxeClean()
    {
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/anmelden");
        await AssertNoAxeViolationsAsync(page);
        await SignInAsync(page, "editor@viernheim.demo");
        Assert.Equal("Willkommen, Eva Editor (Viernheim)", await page.Locator("h1").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "OZG-Modellkommune Viernheim" }).ClickAsync();
        Assert.Equal("OZG-Modellkommune Viernheim", await page.Locator("h1").InnerTextAsync());
        Assert.Equal(4, await page.Locator("#members ~ table tbody tr").CountAsync());
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Organisationen" }).First.ClickAsync();
        await page.GetByLabel("Name oder AGS").FillAsync("Lorsch");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        Assert.Equal(1, await page.Locator("tbody tr").CountAsync());
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Lorsch" }).ClickAsync();
        Assert.Equal("Lorsch", await page.Locator("h1").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task OrganizationAdmin_MembersPage_IsAxeClean()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "admin@viernheim.demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Viernheim" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mitglieder verwalten" }).ClickAsync();
        await AssertNoAxeViolationsAsync(page);

        await page.GetByLabel("E-Mail-Adresse").FillAsync("kein-at");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" }).ClickAsync();
        Assert.Contains("gültige E-Mail-Adresse", await page.Locator(".kern-alert--danger").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);
    }

    [Fact]
    public async Task OrganizationAdmin_AddsAMember_WithJavaScriptSwitchedOff()
    {
        // axe needs JavaScript, so this context only proves the forms work without it.
        var context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BaseURL = browser.App.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        await SignInAsync(page, "admin@viernheim.demo");
        await page.GetByRole(AriaRole.Link, new() { Name = "Viernheim" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Mitglieder verwalten" }).ClickAsync();

        await page.GetByLabel("E-Mail-Adresse").FillAsync("neu.browser@viernheim.demo");
        await page.GetByLabel("Name (nur für neue Konten)").FillAsync("Nora Neu");
        await page.GetByRole(AriaRole.Button, new() { Name = "Hinzufügen" }).ClickAsync();

        Assert.Contains("Konto angelegt", await page.Locator(".kern-alert--success").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("neu.browser@viernheim.demo", await page.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await context.CloseAsync();
    }

    [Fact]
    public async Task PlatformAdmin_FormsAndTheEnglishSwitch_AreAxeClean()
    {
        var page = await browser.NewPageAsync();
        await SignInAsync(page, "admin@ikzhub.demo");

        await page.GotoAsync("/admin/verbuende/neu");
        await AssertNoAxeViolationsAsync(page);
        await page.GotoAsync("/admin/organisationen/neu");
        await AssertNoAxeViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anlegen" }).ClickAsync();
        Assert.Contains("Bitte füllen Sie dieses Feld aus.", await page.Locator(".kern-alert--danger").InnerTextAsync(), StringComparison.Ordinal);
        await AssertNoAxeViolationsAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Create organization", await page.Locator("h1").InnerTextAsync());
        await AssertNoAxeViolationsAsync(page);

        var notFound = await page.GotoAsync("/gibt-es-nicht");
        Assert.Equal(404, notFound!.Status);
        await AssertNoAxeViolationsAsync(page);
    }
}
