using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Playwright;

namespace Hub.Browser.Tests;

/// <summary>
/// Every Markdown and text field a user can fill (draft, revision, Steckbrief, comment, review, release notes, adoption
/// notes, organization profile) carries an XSS corpus; chromium opens every page that shows them, with alert, confirm,
/// prompt and print hooked and dialogs counted, and clicks every link in the page's content: nothing may execute.
/// </summary>
public sealed class XssBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] _corpus =
    [
        "<script>alert('x1')</script>",
        "<img src=x onerror=alert('x2')>",
        "\"><svg onload=alert('x3')>",
        "'><iframe src=\"javascript:alert('x4')\"></iframe>",
        "[klick](javascript:alert('x5'))",
        "[klick](JaVaScRiPt:alert('x6'))",
        "[klick](java&#x09;script:alert('x7'))",
        "<a href=\"javascript:alert('x8')\">klick</a>",
        "[daten](data:text/html;base64,PHNjcmlwdD5hbGVydCgneDknKTwvc2NyaXB0Pg==)",
        "![bild](x\" onerror=\"alert('x10'))",
        "<details open ontoggle=alert('x11')>x</details>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert('x12')>",
        "</textarea><script>alert('x13')</script>",
        "<body onload=alert('x14')>",
        "{{constructor.constructor('alert(\"x15\")')()}}",
        "<a href=\"#\" onclick=\"alert('x16')\">klick</a>",
        "[ref][1]\n\n[1]: javascript:alert('x17')",
        "<javascript:alert('x18')>",
        "<style>*{background:url(\"javascript:alert('x19')\")}</style>",
        "<object data=\"javascript:alert('x20')\"></object>",
    ];

    private static readonly string _all = string.Join("\n\n", _corpus);

    private const string HookScript = """
        window.__xss = 0;
        for (const name of ['alert', 'confirm', 'prompt', 'print']) {
            const original = window[name];
            window[name] = function (...args) { window.__xss++; return original.apply(this, args); };
        }
        """;

    private sealed record World(Guid Draft, Guid Release, Guid Adoption, Guid Organization);

    private async Task<World> FillEverythingAsync()
    {
        var app = browser.App;
        var editor = await app.ApiAsync("editor@viernheim.demo");
        await using var conn = await app.DataSource.OpenConnectionAsync();
        var org = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Viernheim'");
        var coop = await conn.QuerySingleAsync<Guid>("select id from cooperations where name = 'OZG-Modellkommune Viernheim'");
        var zwingenberg = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Zwingenberg'");
        async Task<JsonElement> Ok(Task<HttpResponseMessage> call)
        {
            var response = await call;
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement;
        }

        var steckbrief = _corpus[1];
        var draft = (await Ok(editor.PostAsJsonAsync("/api/v1/drafts", new
        {
            organizationId = org, cooperationId = coop, title = "XSS-Probe " + _corpus[0], summary = _corpus[2], body = _all,
            platform = steckbrief, paymentMethods = _corpus[3], evidence = _corpus[10], legalBasis = _corpus[12], fees = _corpus[13], contact = _corpus[15],
            targetReifegrad = 3, catalogServiceIds = new[] { "10557" },
        }))).GetProperty("id").GetGuid();
        await Ok(editor.PutAsJsonAsync($"/api/v1/drafts/{draft}", new
        {
            title = "XSS-Probe " + _corpus[2], summary = _corpus[0], body = _all + "\n\n" + _corpus[4], platform = steckbrief, targetReifegrad = 3,
            catalogServiceIds = new[] { "10557" }, baseRevision = 1,
        }));
        var reviewer = await app.ApiAsync("reviewer@bensheim.demo");
        var thread = (await Ok(reviewer.PostAsJsonAsync($"/api/v1/drafts/{draft}/comments", new { body = _all }))).GetProperty("id").GetGuid();
        await Ok(editor.PostAsJsonAsync($"/api/v1/drafts/{draft}/comments", new { body = _corpus[5] + _corpus[7], parentId = thread }));
        await Ok(editor.PostAsJsonAsync($"/api/v1/drafts/{draft}/submit", new { revision = 2 }));
        await Ok(reviewer.PostAsJsonAsync($"/api/v1/drafts/{draft}/reviews", new { verdict = "approve", body = _all }));
        await Ok((await app.ApiAsync("reviewer@mrn.demo")).PostAsJsonAsync($"/api/v1/drafts/{draft}/reviews", new { verdict = "approve", body = _corpus[8] }));
        var release = (await Ok(editor.PostAsJsonAsync($"/api/v1/drafts/{draft}/release", new { notes = _all, breaking = false }))).GetProperty("releaseId").GetGuid();
        var adopter = await app.ApiAsync("editor@zwingenberg.demo");
        var adoption = (await Ok(adopter.PostAsJsonAsync("/api/v1/adoptions", new { releaseId = release, organizationId = zwingenberg }))).GetProperty("id").GetGuid();
        await Ok(adopter.PatchAsJsonAsync($"/api/v1/adoptions/{adoption}", new { status = "in_progress", notes = _all, baseRowVersion = 1 }));
        var admin = await app.ApiAsync("admin@ikzhub.demo");
        var organization = (await Ok(admin.PostAsJsonAsync("/api/v1/organizations", new
        {
            name = "XSS-Gemeinde " + _corpus[1], kind = "gemeinde", landCode = "06", description = _all,
        }))).GetProperty("id").GetGuid();
        return new World(draft, release, adoption, organization);
    }

    /// <summary>Opens the page, clicks each content link not clicked before, and returns how many scripts ran.</summary>
    private static async Task<int> VisitAsync(IPage page, string path, HashSet<string> clicked, List<string> badLinks)
    {
        var executed = 0;
        var response = await page.GotoAsync(path);
        Assert.True(response is { Status: < 500 }, $"{path}: {response?.Status}");
        executed += await page.EvaluateAsync<int>("() => window.__xss || 0");
        var hrefs = await page.EvalOnSelectorAllAsync<string[]>("main a[href], article a[href]", "els => els.map(e => e.getAttribute('href'))");
        foreach (var href in hrefs.Distinct())
        {
            var scheme = href.Split(':')[0].Trim().ToLowerInvariant();
            if (href.Contains(':', StringComparison.Ordinal) && scheme is not ("http" or "https" or "mailto"))
                badLinks.Add($"{path}: {href}");
            if (!clicked.Add(href) || href.StartsWith("mailto:", StringComparison.Ordinal) || href.EndsWith(".csv", StringComparison.Ordinal) || href.EndsWith(".atom", StringComparison.Ordinal))
                continue;
            await page.GotoAsync(path);
            var link = page.Locator($"main a[href=\"{href.Replace("\"", "\\\"", StringComparison.Ordinal)}\"], article a[href=\"{href.Replace("\"", "\\\"", StringComparison.Ordinal)}\"]").First;
            if (!await link.IsVisibleAsync())
                continue;
            await link.ClickAsync(new LocatorClickOptions { Timeout = 10_000 });
            await page.WaitForLoadStateAsync(LoadState.Load);
            executed += await page.EvaluateAsync<int>("() => window.__xss || 0");
        }

        return executed;
    }

    private async Task<IPage> HookedAsync(string? email)
    {
        var page = email is null ? await browser.NewPageAsync() : await browser.SignedInAsync(email);
        await page.Context.AddInitScriptAsync(HookScript);
        return page;
    }

    [Fact]
    public async Task XssCorpusInEveryField_EveryPageAndLink_NothingExecutes()
    {
        var w = await FillEverythingAsync();
        var dialogs = 0;
        var executed = 0;
        var clicked = new HashSet<string>(StringComparer.Ordinal);
        var badLinks = new List<string>();
        var visits = new (string? Email, string[] Paths)[]
        {
            ("editor@viernheim.demo",
            [
                "/", "/entwuerfe", $"/entwuerfe/{w.Draft}", $"/entwuerfe/{w.Draft}/fassungen/1", $"/entwuerfe/{w.Draft}/fassungen/2",
                $"/entwuerfe/{w.Draft}/vergleich?von=1&bis=2", $"/entwuerfe/{w.Draft}/vergleich?von=1&bis=2&ansicht=nebeneinander", $"/entwuerfe/{w.Draft}/verlauf",
                $"/entwuerfe/{w.Draft}/bearbeiten", "/posteingang", "/freigaben", $"/freigaben/{w.Release}", "/dienste?q=XSS", $"/dienste/{w.Draft}",
                "/katalog/10557", $"/organisationen/{w.Organization}", "/organisationen?q=XSS",
            ]),
            ("editor@zwingenberg.demo", ["/nachnutzungen", $"/nachnutzungen/{w.Adoption}", "/posteingang", $"/freigaben/{w.Release}"]),
            ("observer@hmdis.demo", [$"/entwuerfe/{w.Draft}", "/fortschritt/laender/06"]),
            (null, ["/dienste", "/dienste?q=XSS", $"/dienste/{w.Draft}", "/katalog/10557"]),
        };
        var pages = 0;
        foreach (var (email, paths) in visits)
        {
            var page = await HookedAsync(email);
            page.Dialog += async (_, dialog) =>
            {
                Interlocked.Increment(ref dialogs);
                await dialog.DismissAsync();
            };
            foreach (var path in paths)
            {
                executed += await VisitAsync(page, path, clicked, badLinks);
                pages++;
            }

            await page.Context.CloseAsync();
        }

        Assert.True(pages >= 25 && clicked.Count > 20, $"{pages} pages, {clicked.Count} links");
        Assert.Empty(badLinks);
        Assert.Equal(0, dialogs);
        Assert.Equal(0, executed);
        // The hooks themselves work: a page that calls alert is counted.
        var probe = await HookedAsync(null);
        var probeDialogs = 0;
        probe.Dialog += async (_, d) => { probeDialogs++; await d.DismissAsync(); };
        await probe.GotoAsync("/dienste");
        await probe.EvaluateAsync("() => alert('probe')");
        Assert.Equal(1, await probe.EvaluateAsync<int>("() => window.__xss"));
        Assert.Equal(1, probeDialogs);
    }
}
