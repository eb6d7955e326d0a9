using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Dapper;
using Hub.Data.Common;
using Hub.Testing;
using Hub.Testing.Web;
using Npgsql;
using Xunit;
using Xunit.Abstractions;

namespace Hub.Web.Tests.Security;

/// <summary>The hub as its own process, killed with SIGKILL in the middle of writes: after a restart no draft is half written.</summary>
public sealed class HubKillTests(ITestOutputHelper output)
{
    private static Task<HubProcess> StartAsync(string ownerConnectionString)
    {
        var settings = HubProcess.Settings(ownerConnectionString, TestCluster.AppConnectionString(ownerConnectionString));
        settings["HUB_DEMO"] = "1";
        return HubProcess.StartAsync(HubProcess.WebDll(), settings, TimeSpan.FromSeconds(90));
    }

    private static Task<HttpClient> ApiAsync(string url) =>
        Hub.Testing.Web.HubWebFactory.AuthorizeAsync(new HttpClient { BaseAddress = new Uri(url) }, "editor@viernheim.demo");

    [Fact]
    public async Task SigkillDuringWrites_AfterRestartEveryDraftIsWhole_AndTheAuditChainHolds()
    {
        var cs = await TestCluster.CreateDatabaseAsync();
        await using var owner = TestCluster.CreateDataSource(cs);
        var acknowledged = new ConcurrentBag<(Guid Draft, int Revision)>();
        var created = new ConcurrentBag<Guid>();
        Guid org, coop;
        using (var first = await StartAsync(cs))
        {
            await using (var conn = await owner.OpenConnectionAsync())
            {
                org = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Viernheim'");
                coop = await conn.QuerySingleAsync<Guid>("select id from cooperations where name = 'OZG-Modellkommune Viernheim'");
            }

            var api = await ApiAsync(first.Url);
            using var stop = new CancellationTokenSource();
            async Task WriterAsync(int worker)
            {
                try
                {
                    for (var n = 0; !stop.IsCancellationRequested; n++)
                    {
                        var response = await api.PostAsJsonAsync("/api/v1/drafts", new
                        {
                            organizationId = org, cooperationId = coop, title = $"Absturz {worker}-{n}", body = "## Ablauf\n\n" + new string('x', 5000), catalogServiceIds = new[] { "10557" },
                        }, stop.Token);
                        if (response.StatusCode != HttpStatusCode.Created)
                            continue;
                        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token)).GetProperty("id").GetGuid();
                        created.Add(id);
                        for (var r = 1; r <= 3; r++)
                        {
                            var saved = await api.PutAsJsonAsync($"/api/v1/drafts/{id}", new { title = $"Absturz {worker}-{n}", body = $"Fassung {r + 1}", baseRevision = r }, stop.Token);
                            if (saved.StatusCode == HttpStatusCode.OK)
                                acknowledged.Add((id, r + 1));
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
                {
                    // The hub died under us: that is the point.
                }
            }

            var writers = Enumerable.Range(0, 4).Select(WriterAsync).ToList();
            await Task.Delay(2500);
            first.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using (var conn = await owner.OpenConnectionAsync())
        {
            // Whole drafts only: a revision row for every number up to the current one, none beyond, one audit event per revision.
            var broken = (await conn.QueryAsync<string>("""
                select d.title from drafts d
                where (select count(*) from draft_revisions r where r.draft_id = d.id) <> d.current_revision
                   or exists (select 1 from draft_revisions r where r.draft_id = d.id and r.revision > d.current_revision)
                   or not exists (select 1 from audit_events a where a.entity_type = 'draft' and a.entity_id = d.id and a.action = 'created')
                   or (d.title like 'Absturz%' -- only created and saved: one audit event per revision
                       and (select count(*) from audit_events a where a.entity_type = 'draft' and a.entity_id = d.id) <> d.current_revision)
                """)).ToList();
            var orphans = await conn.ExecuteScalarAsync<long>("select count(*) from draft_revisions r where not exists (select 1 from drafts d where d.id = r.draft_id)");
            var drafts = await conn.ExecuteScalarAsync<long>("select count(*) from drafts where title like 'Absturz%'");
            output.WriteLine($"{drafts} drafts written before the SIGKILL ({created.Count} acknowledged, {acknowledged.Count} saves acknowledged); half-written: {broken.Count}, orphan revisions: {orphans}");
            Assert.Empty(broken);
            Assert.Equal(0, orphans);
            Assert.True(drafts >= created.Count && !created.IsEmpty);
            foreach (var (draft, revision) in acknowledged)
                Assert.Equal(1, await conn.ExecuteScalarAsync<long>("select count(*) from draft_revisions where draft_id = @draft and revision = @revision", new { draft, revision }));
        }

        var chain = await AuditChain.VerifyAsync(owner, default);
        Assert.True(chain.Intact, chain.Break?.Reason);

        // The hub comes back on the same database and goes on working.
        using var second = await StartAsync(cs);
        var again = await ApiAsync(second.Url);
        var any = created.First();
        var current = (await again.GetFromJsonAsync<JsonElement>($"/api/v1/drafts/{any}")).GetProperty("revision").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await again.PutAsJsonAsync($"/api/v1/drafts/{any}", new { title = "Nach dem Absturz", body = "weiter", baseRevision = current })).StatusCode);
    }
}
