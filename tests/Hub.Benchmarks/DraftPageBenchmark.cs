using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Hub.Testing.Web;

namespace Hub.Benchmarks;

/// <summary>
/// The draft page of a draft with many revisions and comments: made through the real API (every save a revision,
/// comments in threads with section anchors), then the page is requested again and again on the in-process server
/// with a real PostgreSQL behind it.
/// </summary>
internal static class DraftPageBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var revisions = Measure.Option(args, "--revisions", 50);
        var comments = Measure.Option(args, "--comments", 200);
        var requests = Measure.Option(args, "--requests", 200);

        var setup = Stopwatch.StartNew();
        await using var app = new HubWebFactory();
        await app.InitializeAsync();
        var api = await app.ApiAsync("editor@viernheim.demo");
        var partner = await app.ApiAsync("reviewer@bensheim.demo");
        Guid org, coop;
        await using (var conn = await app.DataSource.OpenConnectionAsync())
        {
            org = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Viernheim'");
            coop = await conn.QuerySingleAsync<Guid>("select id from cooperations where name = 'OZG-Modellkommune Viernheim'");
        }

        var created = await Json(await api.PostAsJsonAsync("/api/v1/drafts", new
        {
            organizationId = org, cooperationId = coop, title = "Bauantrag online", summary = "Benchmark", body = Body(1), catalogServiceIds = new[] { "10519" },
        }));
        var id = created.GetProperty("id").GetGuid();
        for (var r = 2; r <= revisions; r++)
            await Json(await api.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = "Bauantrag online", summary = "Benchmark", body = Body(r), baseRevision = r - 1 }));
        Guid? thread = null;
        for (var c = 0; c < comments; c++)
        {
            // Every fourth comment opens a thread on a section, the others answer it.
            var client = c % 2 == 0 ? partner : api;
            var comment = await Json(await client.PostAsJsonAsync($"/api/v1/drafts/{id}/comments", c % 4 == 0
                ? new { body = $"Frage {c}: Passt **Abschnitt {c % 10}** so?", revision = (int?)revisions, anchor = (string?)$"schritt-{c % 10}", parentId = (Guid?)null }
                : new { body = $"Antwort {c} mit einem [Link](https://www.viernheim.de).", revision = (int?)null, anchor = (string?)null, parentId = thread }));
            if (c % 4 == 0)
                thread = comment.GetProperty("id").GetGuid();
        }

        var browser = await app.SignedInAsync("editor@viernheim.demo");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Set-up: a draft with {revisions} revisions and {comments} comments through the API in {setup.Elapsed.TotalSeconds:F1} s."));
        var size = Encoding.UTF8.GetByteCount(await browser.GetStringAsync($"/entwuerfe/{id}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Draft page: {size / 1024.0:F0} KiB of HTML."));
        await Measure.RepeatAsync("GET /entwuerfe/{id} (signed in, in-process server, PostgreSQL on loopback)", 20, requests, async () =>
        {
            using var response = await browser.GetAsync($"/entwuerfe/{id}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        await Measure.RepeatAsync("GET /api/v1/drafts/{id}/comments", 10, requests, async () =>
        {
            using var response = await api.GetAsync($"/api/v1/drafts/{id}/comments");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        await Measure.RepeatAsync($"GET /entwuerfe/{{id}}/vergleich?von=1&bis={revisions}", 10, Math.Max(20, requests / 4), async () =>
        {
            using var response = await browser.GetAsync($"/entwuerfe/{id}/vergleich?von=1&bis={revisions}");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        return 0;
    }

    private static string Body(int revision)
    {
        var text = new StringBuilder($"# Bauantrag online (Fassung {revision})\n\n");
        for (var s = 0; s < 10; s++)
        {
            text.Append(CultureInfo.InvariantCulture, $"## Schritt {s}\n\nDie Antragstellerin lädt die Bauvorlagen hoch (Fassung {revision}, Abschnitt {s}). ");
            text.Append("Das Bauamt prüft die Vollständigkeit und fordert fehlende Unterlagen an.\n\n");
            text.Append(CultureInfo.InvariantCulture, $"- Lageplan\n- Bauzeichnungen\n- Baubeschreibung {(s + revision) % 7}\n\n");
        }

        return text.ToString();
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
