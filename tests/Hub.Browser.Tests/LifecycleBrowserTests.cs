using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Hub.Browser.Tests;

/// <summary>The whole EfA path in the browser, axe-core clean on every page of it.</summary>
public sealed class LifecycleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private Task<IPage> SignedInAsync(string email) => browser.SignedInAsync(email);

    private static Task AxeCleanAsync(IPage page) => BrowserFixture.AxeCleanAsync(page);

    private static async Task ReviewAsync(IPage page, string url, string verdict, string body)
    {
        await page.GotoAsync(url);
        await AxeCleanAsync(page);
        await page.GetByLabel("Ergebnis").SelectOptionAsync(verdict);
        await page.GetByLabel("Begründung (Markdown)").FillAsync(body);
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfung abgeben" }).ClickAsync();
    }

    [Fact]
    public async Task Editor_Drafts_PartnerRequestsChanges_EditorRevises_TwoApprovals_Release10()
    {
        var editor = await SignedInAsync("editor@viernheim.demo");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Entwürfe" }).ClickAsync();
        await AxeCleanAsync(editor);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Neuer Entwurf" }).ClickAsync();
        await editor.GetByLabel("Titel").FillAsync("Baugenehmigung online");
        await editor.GetByLabel("Beschreibung des Prozesses (Markdown)").FillAsync("## Ablauf\n\nBauantrag **digital** einreichen.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Vorschau" }).ClickAsync();
        Assert.Equal("digital", await editor.Locator(".hub-markdown strong").InnerTextAsync());
        await AxeCleanAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Equal("Baugenehmigung online", await editor.Locator("h1").InnerTextAsync());
        await AxeCleanAsync(editor);
        var draftUrl = editor.Url.Split('?')[0];

        await editor.GetByRole(AriaRole.Button, new() { Name = "Zur Prüfung einreichen" }).ClickAsync();
        Assert.Contains("In Prüfung", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var bensheim = await SignedInAsync("reviewer@bensheim.demo");
        await ReviewAsync(bensheim, draftUrl, "request_changes", "Bitte die Gebühren nennen.");
        Assert.Contains("Änderungen angefordert", await bensheim.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await editor.GotoAsync(draftUrl);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Bearbeiten" }).ClickAsync();
        await AxeCleanAsync(editor);
        await editor.GetByLabel("Gebühren").FillAsync("250 € Grundgebühr");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        Assert.Contains("Fassung 2", await editor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Zur Prüfung einreichen" }).ClickAsync();

        await ReviewAsync(bensheim, draftUrl, "approve", "Jetzt passt es.");
        var kreis = await SignedInAsync("reviewer@bergstrasse.demo");
        await ReviewAsync(kreis, draftUrl, "approve", "Einverstanden.");
        Assert.Contains("Freigabereif", await kreis.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await editor.GotoAsync(draftUrl);
        await AxeCleanAsync(editor);
        await editor.GetByLabel("Versionshinweise (Markdown)").FillAsync("Erste Fassung.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Version freigeben" }).ClickAsync();
        var text = await editor.Locator("main").InnerTextAsync();
        Assert.Contains("Freigegeben", text, StringComparison.Ordinal);
        Assert.Contains("Version 1.0", text, StringComparison.Ordinal);
        await AxeCleanAsync(editor);
    }

    [Fact]
    public async Task Outsider_GetsNotFound_ObserverSeesNoActions()
    {
        var editor = await SignedInAsync("editor@viernheim.demo");
        await editor.GotoAsync("/entwuerfe?status=draft");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Ehrenamtskarte" }).ClickAsync();
        var url = editor.Url;

        var wetzlar = await SignedInAsync("editor@wetzlar.demo");
        var response = await wetzlar.GotoAsync(url);
        var observer = await SignedInAsync("observer@hmdis.demo");
        await observer.GotoAsync(url);

        Assert.Equal(404, response!.Status);
        Assert.Contains("nichts zu tun", await observer.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await observer.Locator("main form[method='post']").CountAsync());
        await AxeCleanAsync(observer);
    }

    [Fact]
    public async Task Discussion_Diff_Release_Inbox_AndCatalogue_WorkAndAreAxeClean()
    {
        var reviewer = await SignedInAsync("reviewer@bensheim.demo");
        await AxeCleanAsync(reviewer);
        await reviewer.Locator("section[aria-labelledby='s-aufgaben']").GetByRole(AriaRole.Link, new() { Name = "Urkundenanforderung Standesamt" }).ClickAsync();
        await reviewer.GetByLabel("Zum Abschnitt (Fassung 3)").SelectOptionAsync("neu-in-11");
        await reviewer.GetByLabel("Kommentar (Markdown)").FillAsync("Ist **PayPal** mit der Kasse abgestimmt?");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Kommentieren" }).ClickAsync();
        Assert.Contains("Abschnitt „Neu in 1.1“", await reviewer.Locator("article.hub-comment").InnerTextAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(reviewer);

        var editor = await SignedInAsync("editor@viernheim.demo");
        await editor.GetByRole(AriaRole.Link, new() { Name = "Zum Posteingang" }).ClickAsync();
        await AxeCleanAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Neuer Kommentar zu „Urkundenanforderung Standesamt“." }).First.ClickAsync();
        await editor.GetByLabel("Antwort (Markdown)").FillAsync("Ja, seit März.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Antworten" }).ClickAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Als erledigt markieren" }).ClickAsync();
        var thread = await editor.Locator("article.hub-comment").InnerTextAsync();
        Assert.Contains("Ja, seit März.", thread, StringComparison.Ordinal);
        Assert.Contains("Erledigt", thread, StringComparison.Ordinal);
        Assert.Contains("hat eine Diskussion als erledigt markiert", await editor.Locator("section[aria-labelledby='s-verlauf']").InnerTextAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(editor);

        await editor.GetByRole(AriaRole.Link, new() { Name = "Änderungen zu Fassung 1" }).ClickAsync();
        Assert.Equal(1, await editor.Locator(".hub-diff--ins", new() { HasText = "## Neu in 1.1" }).CountAsync());
        await AxeCleanAsync(editor);
        await editor.GetByLabel("Darstellung").SelectOptionAsync("nebeneinander");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        Assert.True(await editor.Locator("table.hub-diff").CountAsync() > 0);
        await AxeCleanAsync(editor);

        await editor.GetByRole(AriaRole.Link, new() { Name = "Freigaben" }).First.ClickAsync();
        await AxeCleanAsync(editor);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Urkundenanforderung Standesamt" }).First.ClickAsync();
        Assert.Contains("Bensheim", await editor.Locator("section[aria-labelledby='s-zustimmungen']").InnerTextAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(editor);

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/katalog?q=Geburtsurkunde");
        await AxeCleanAsync(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Geburtsurkunde und -bescheinigung" }).ClickAsync();
        Assert.Contains("Urkundenanforderung Standesamt 1.1", await visitor.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await AxeCleanAsync(visitor);
    }
}
