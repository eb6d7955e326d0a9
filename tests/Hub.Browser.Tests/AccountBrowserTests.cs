using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.Browser.Tests;

public sealed class AccountBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ChangePassword_ErrorsByTheFields_ThenChanged_AxeClean()
    {
        var org = await browser.App.Data.OrganizationAsync();
        var (_, email) = await browser.App.Data.UserAsync(null, false, (org, "editor"));
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/anmelden");
        await page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync(TestData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/anmelden", StringComparison.Ordinal));

        await page.GetByRole(AriaRole.Link, new() { Name = "Passwort ändern" }).ClickAsync();
        await BrowserFixture.AxeCleanAsync(page);
        await page.GetByLabel("Bisheriges Passwort").FillAsync(TestData.Password);
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Ganz-Neu-und-Lang-2026");
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync("etwas anderes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".kern-alert--danger")).ToContainTextAsync("Die Wiederholung stimmt nicht");
        await BrowserFixture.AxeCleanAsync(page);

        await page.GetByLabel("Bisheriges Passwort").FillAsync(TestData.Password);
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync("Ganz-Neu-und-Lang-2026");
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync("Ganz-Neu-und-Lang-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort ändern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".kern-alert--success")).ToContainTextAsync("Ihr Passwort wurde geändert.");
        await BrowserFixture.AxeCleanAsync(page);
        // Still signed in (a new session for this browser).
        await page.GotoAsync("/entwuerfe");
        Assert.DoesNotContain("/anmelden", page.Url, StringComparison.Ordinal);
    }
}
