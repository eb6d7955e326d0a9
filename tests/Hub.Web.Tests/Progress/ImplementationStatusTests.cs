using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Hub.Testing;
using Hub.Testing.Web;
using Hub.Web.Tests.Drafts;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests.Progress;

/// <summary>Umsetzungsstand through the API and CSV, on the demo with the full catalogue imported.</summary>
public sealed class ImplementationStatusTests(HubWebFactory app) : IClassFixture<HubWebFactory>, IAsyncLifetime
{
    public async Task InitializeAsync() =>
        await Hub.Web.Catalog.CatalogCli.ImportAsync(new Hub.Data.Catalog.CatalogStore(app.OwnerDb), ReferenceData.Directory, TextWriter.Null, default);

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Guid> OrganizationAsync(string name)
    {
        await using var conn = await app.DataSource.OpenConnectionAsync();
        return await conn.QuerySingleAsync<Guid>("select id from organizations where name = @name", new { name });
    }

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task Get_EveryServiceWithTheDefaultResponsibility_AndTheDemoAdoptionIsLive()
    {
        var zwingenberg = await OrganizationAsync("Zwingenberg");
        var api = await app.ApiAsync("editor@zwingenberg.demo");

        var rows = (await api.GetFromJsonAsync<JsonElement>($"/api/v1/organizations/{zwingenberg}/implementation-status")).EnumerateArray().ToList();

        // Independently: services with a LeiKa entry of Typ 4, 5 or 6 (municipal execution), counted in C# from the published file.
        var leika = Hub.Core.Catalog.CsvReader.Read(await File.ReadAllTextAsync(Path.Combine(ReferenceData.Directory, "leika-leistungen.csv"))).Skip(1)
            .Where(r => r.Fields[3].Split(',').Select(p => p.Trim()).Any(p => p is "4" or "5" or "6")).Select(r => r.Fields[2]).ToHashSet();
        Assert.Equal(557, rows.Count);
        Assert.Equal(139, leika.Count);
        Assert.All(rows.Where(r => !r.GetProperty("recorded").GetBoolean()),
            r => Assert.Equal(leika.Contains(r.GetProperty("ozgId").GetString()!), r.GetProperty("responsible").GetBoolean()));
        var urkunde = rows.Single(r => r.GetProperty("ozgId").GetString() == "10557");
        Assert.Equal("live", urkunde.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, urkunde.GetProperty("adoptionId").ValueKind);
    }

    [Fact]
    public async Task Put_ByTheOrganizationsEditor_OthersRefused_BadRowsNamed()
    {
        var viernheim = await OrganizationAsync("Viernheim");
        var path = $"/api/v1/organizations/{viernheim}/implementation-status";
        var editor = await app.ApiAsync("editor@viernheim.demo");

        var ok = await DraftApi.JsonAsync(await editor.PutAsJsonAsync(path, new
        {
            rows = new object[]
            {
                new { ozgId = "10519", status = "in_progress", reifegrad = 2 },
                new { ozgId = "10227", status = "not_relevant", reason = "Kein eigener Friedhof", responsible = false },
            },
        }), HttpStatusCode.OK);
        var bad = await Problem.ReadAsync(await editor.PutAsJsonAsync(path, new { rows = new[] { new { ozgId = "99999", status = "fertig" } } }), HttpStatusCode.BadRequest);
        var noReason = await Problem.ReadAsync(await editor.PutAsJsonAsync(path, new { rows = new[] { new { ozgId = "10519", status = "not_relevant" } } }), HttpStatusCode.BadRequest);
        await Problem.ReadAsync(await (await app.ApiAsync("observer@hmdis.demo")).PutAsJsonAsync(path, new { rows = new[] { new { ozgId = "10519", status = "live" } } }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await (await app.ApiAsync("reviewer@bensheim.demo")).PutAsJsonAsync(path, new { rows = new[] { new { ozgId = "10519", status = "live" } } }), HttpStatusCode.Forbidden);
        await Problem.ReadAsync(await (await app.ApiAsync("editor@wetzlar.demo")).GetAsync(path), HttpStatusCode.NotFound);
        var observed = await (await app.ApiAsync("observer@hmdis.demo")).GetFromJsonAsync<JsonElement>(path);

        Assert.Equal(2, ok.GetProperty("rows").GetInt32());
        Assert.Equal(2, bad.FieldErrors("rows[0]").Count);
        Assert.Single(noReason.FieldErrors("rows[0]"));
        var bau = observed.EnumerateArray().Single(r => r.GetProperty("ozgId").GetString() == "10519");
        Assert.Equal("in_progress", bau.GetProperty("status").GetString());
        Assert.Equal(2, bau.GetProperty("reifegrad").GetInt32());
        Assert.Equal(2, await app.Data.CountAsync("implementation_status", "organization_id = @viernheim", new { viernheim }));
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @viernheim and action = 'implementation_status_changed'", new { viernheim }));
    }

    [Fact]
    public async Task Csv_ExportEditDryRunThenImport_BadFilesReportLinesAndChangeNothing()
    {
        var bensheim = await OrganizationAsync("Bensheim");
        var path = $"/api/v1/organizations/{bensheim}/implementation-status/csv";
        var admin = await app.ApiAsync("digital@bensheim.demo");
        var exported = await admin.GetStringAsync(path);
        var lines = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var index = lines.FindIndex(l => l.Contains(",10348,", StringComparison.Ordinal));
        var fields = lines[index].Split(',');
        lines[index] = $"{fields[0]},10348,Sondernutzung,ja,live,3,";
        var edited = string.Join('\n', lines) + "\n";

        var dry = await DraftApi.JsonAsync(await admin.PostAsync(path + "?dryRun=true", Csv(edited)), HttpStatusCode.OK);
        var afterDry = await app.Data.CountAsync("implementation_status", "organization_id = @bensheim and ozg_id = '10348'", new { bensheim });
        var applied = await DraftApi.JsonAsync(await admin.PostAsync(path, Csv(edited)), HttpStatusCode.OK);
        var otherOrg = await Problem.ReadAsync(await admin.PostAsync(path, Csv(lines[0] + "\n06431020,10348,x,ja,live,,\n")), HttpStatusCode.BadRequest);
        var badStatus = await Problem.ReadAsync(await admin.PostAsync(path, Csv(lines[0] + $"\n{fields[0]},10348,x,ja,fertig,,\n{fields[0]},99999,x,ja,live,,\n")), HttpStatusCode.BadRequest);
        var header = await Problem.ReadAsync(await admin.PostAsync(path, Csv("ozg,status\n10348,live\n")), HttpStatusCode.BadRequest);
        var broken = Encoding.UTF8.GetBytes(lines[0] + "\n").Concat(new byte[] { 0x30, 0x36, 0xC3, 0x28, 0x0A }).ToArray();
        var encoding = await Problem.ReadAsync(await admin.PostAsync(path, new ByteArrayContent(broken) { Headers = { ContentType = new("text/csv") } }), HttpStatusCode.BadRequest);
        var foreign = await Problem.ReadAsync(await (await app.ApiAsync("editor@viernheim.demo")).PostAsync(path, Csv(edited)), HttpStatusCode.Forbidden);

        Assert.StartsWith("ags,ozg_id,name,responsible,status,reifegrad,reason", exported, StringComparison.Ordinal);
        Assert.Equal("10348", Assert.Single(dry.GetProperty("changes").EnumerateArray()).GetProperty("ozgId").GetString());
        Assert.False(dry.GetProperty("applied").GetBoolean());
        Assert.Equal(0, afterDry);
        Assert.True(applied.GetProperty("applied").GetBoolean());
        Assert.Equal(1, await app.Data.CountAsync("implementation_status", "organization_id = @bensheim and ozg_id = '10348' and status = 'live' and reifegrad = 3", new { bensheim }));
        Assert.Contains(otherOrg.FieldErrors("csv"), e => e.StartsWith("line 2: row for another organization", StringComparison.Ordinal));
        Assert.Contains(badStatus.FieldErrors("csv"), e => e.StartsWith("line 2: unknown status 'fertig'", StringComparison.Ordinal));
        Assert.Contains(badStatus.FieldErrors("csv"), e => e.StartsWith("line 3: unknown ozg_id '99999'", StringComparison.Ordinal));
        Assert.Contains(header.FieldErrors("csv"), e => e.StartsWith("line 1: expected the header", StringComparison.Ordinal));
        Assert.Equal(["line 2: not valid UTF-8 (save the file as UTF-8)"], encoding.FieldErrors("csv"));
        Assert.Equal("forbidden", foreign.Code);
        Assert.Equal(1, await app.Data.CountAsync("implementation_status", "organization_id = @bensheim", new { bensheim }));
    }

    [Fact]
    public async Task Page_EditorSavesTheBulkForm_UploadDryRunChangesNothing_ObserverReads_OutsiderGets404()
    {
        var lorsch = await OrganizationAsync("Lorsch");
        var path = $"/organisationen/{lorsch}/umsetzungsstand";
        var editor = await app.SignedInAsync("digital@bensheim.demo");
        var page = Html.Parse(await editor.GetStringAsync(path));
        var fields = page.QuerySelectorAll("form[action$='/umsetzungsstand'] [name^='rows[']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        var first = fields["rows[0].OzgId"];
        fields["rows[0].Status"] = "no_solution";
        var saved = await HubWebFactory.PostFormAsync(editor, path, path, fields);

        var token = HubWebFactory.AntiforgeryToken(await editor.GetStringAsync(path));
        var csv = $"ags,ozg_id,name,responsible,status,reifegrad,reason\n06431016,{first},x,ja,live,4,\n";
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("true"), "dryRun" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "lorsch.csv" },
        };
        var dry = await editor.PostAsync($"{path}/csv", form);
        var dryPage = await Html.ParseAsync(dry);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(1, await app.Data.CountAsync("implementation_status", "organization_id = @lorsch and ozg_id = @first and status = 'no_solution'", new { lorsch, first }));
        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Contains($"{first}: keine Lösung auf der Plattform → live", dryPage.QuerySelector("section[aria-labelledby='s-import']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.Data.CountAsync("implementation_status", "organization_id = @lorsch and status = 'live'", new { lorsch }));
        var observer = Html.Parse(await (await app.SignedInAsync("observer@hmdis.demo")).GetStringAsync(path));
        Assert.Null(observer.QuerySelector("select[name^='rows[']"));
        Assert.NotEmpty(observer.QuerySelectorAll("tbody tr"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("editor@wetzlar.demo")).GetAsync(path)).StatusCode);
        Assert.Null(Html.Parse(await (await app.SignedInAsync("editor@wetzlar.demo")).GetStringAsync($"/organisationen/{lorsch}")).QuerySelector("a[href$='/umsetzungsstand']"));
        Assert.NotNull(Html.Parse(await (await app.SignedInAsync("observer@hmdis.demo")).GetStringAsync($"/organisationen/{lorsch}")).QuerySelector("a[href$='/umsetzungsstand']"));
    }

    [Fact]
    public async Task CsvUpload_SubmittedTwiceWithOneKey_WritesOnce_TheRepeatIsSentToLookAtTheResult()
    {
        var zwingenberg = await OrganizationAsync("Zwingenberg");
        var path = $"/organisationen/{zwingenberg}/umsetzungsstand";
        var editor = await app.SignedInAsync("editor@zwingenberg.demo");
        var html = await editor.GetStringAsync(path);
        var ozg = Html.Parse(html).QuerySelector("[name='rows[0].OzgId']")!.GetAttribute("value")!;
        string ags;
        int version;
        await using (var conn = await app.DataSource.OpenConnectionAsync())
        {
            ags = await conn.QuerySingleAsync<string>("select ags from organizations where id = @zwingenberg", new { zwingenberg });
            version = await conn.QuerySingleOrDefaultAsync<int?>("select row_version from implementation_status where organization_id = @zwingenberg and ozg_id = @ozg",
                new { zwingenberg, ozg }) ?? 0;
        }
        var csv = $"ags,ozg_id,name,responsible,status,reifegrad,reason\n{ags},{ozg},x,ja,no_solution,,\n";
        HttpRequestMessage Upload()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"{path}/csv")
            {
                Content = new MultipartFormDataContent
                {
                    { new StringContent(HubWebFactory.AntiforgeryToken(html)), "__RequestVerificationToken" },
                    { new StringContent("zwingenberg-csv-0001"), Hub.Web.Common.IdempotencyFilter.FormField },
                    { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "zwingenberg.csv" },
                },
            };
            request.Headers.Referrer = new Uri("http://localhost" + path);
            return request;
        }

        var first = await editor.SendAsync(Upload());
        var again = await editor.SendAsync(Upload());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(path, again.Headers.Location!.OriginalString);
        Assert.Equal(1, await app.Data.CountAsync("implementation_status", "organization_id = @zwingenberg and ozg_id = @ozg and status = 'no_solution' and row_version = @next",
            new { zwingenberg, ozg, next = version + 1 }));
        Assert.Equal(1, await app.Data.CountAsync("audit_events", "entity_id = @zwingenberg and action = 'implementation_status_changed'", new { zwingenberg }));
    }

    [Fact]
    public async Task ConcurrentEdits_TheStaleSaveIs409_NothingOverwritten_TheUsersChoiceStaysOnTheForm()
    {
        var einhausen = await OrganizationAsync("Einhausen");
        var path = $"/organisationen/{einhausen}/umsetzungsstand";
        var first = await app.SignedInAsync("digital@bensheim.demo");
        var second = await app.SignedInAsync("digital@bensheim.demo");
        Dictionary<string, string> Fields(string html) => Html.Parse(html).QuerySelectorAll("form[action$='/umsetzungsstand'] [name^='rows[']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.GetAttribute("value") ?? e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "");
        var a = Fields(await first.GetStringAsync(path));
        var b = Fields(await second.GetStringAsync(path));
        var ozg = a["rows[0].OzgId"];
        a["rows[0].Status"] = "live";
        b["rows[0].Status"] = "no_solution";

        var saved = await HubWebFactory.PostFormAsync(first, path, path, a);
        var stale = await HubWebFactory.PostFormAsync(second, path, path, b);
        var api = await DraftApi.JsonAsync(await (await app.ApiAsync("digital@bensheim.demo")).PutAsJsonAsync($"/api/v1/organizations/{einhausen}/implementation-status",
            new { rows = new[] { new { ozgId = ozg, status = "planned", baseRowVersion = 0 } } }), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var form = await Html.ParseAsync(stale);
        Assert.Equal("no_solution", form.QuerySelector("#s-0 option[selected]")!.GetAttribute("value"));
        Assert.Equal("stale_status", api.GetProperty("code").GetString());
        Assert.Equal(1, await app.Data.CountAsync("implementation_status", "organization_id = @einhausen and ozg_id = @ozg and status = 'live'", new { einhausen, ozg }));
    }
}
