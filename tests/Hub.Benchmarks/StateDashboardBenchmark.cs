using System.Diagnostics;
using System.Globalization;
using Dapper;
using Hub.Testing;
using Hub.Testing.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Benchmarks;

/// <summary>
/// The state dashboard for Hessen with a status row for every municipality and every OZG-Leistung (422 × 557):
/// the full catalogue and Gemeindeverzeichnis imported through the real commands, random statuses written in bulk.
/// </summary>
internal static class StateDashboardBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = Measure.Option(args, "--requests", 30);
        var setup = Stopwatch.StartNew();
        await using var app = new HubWebFactory();
        await app.InitializeAsync();
        await Hub.Web.Catalog.CatalogCli.ImportAsync(new Hub.Data.Catalog.CatalogStore(app.OwnerDb), ReferenceData.Directory, TextWriter.Null, default);
        await Hub.Web.Tenancy.OrganizationCli.ImportAsync(new Hub.Data.Tenancy.OrganizationStore(app.OwnerDb),
            app.Services.GetRequiredService<Hub.Core.Common.IClock>(),
            [Path.Combine(ReferenceData.Directory, "gemeinden.csv"), Path.Combine(ReferenceData.Directory, "kreise.csv"), "--land", "06"], TextWriter.Null, default);
        int rows;
        await using (var conn = await app.DataSource.OpenConnectionAsync())
        {
            rows = await conn.ExecuteAsync("""
                insert into implementation_status (organization_id, ozg_id, responsible, status, reason, updated_at)
                select o.id, s.ozg_id, random() < 0.3,
                       (array['not_started', 'planned', 'in_progress', 'live', 'no_solution', 'not_relevant'])[1 + floor(random() * 6)::int], 'Benchmark', now()
                from organizations o cross join catalog_services s
                where o.land_code = '06' and o.kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt')
                on conflict (organization_id, ozg_id) do nothing
                """);
            await conn.ExecuteAsync("analyze implementation_status");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Set-up: catalogue, 443 Hessian organizations and {rows} status rows in {setup.Elapsed.TotalSeconds:F1} s."));
        var api = await app.ApiAsync("observer@hmdis.demo");
        var browser = await app.SignedInAsync("observer@hmdis.demo");
        await Measure.RepeatAsync("GET /api/v1/progress/states/06 (JSON)", 3, requests, async () =>
        {
            using var response = await api.GetAsync("/api/v1/progress/states/06");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        await Measure.RepeatAsync("GET /fortschritt/laender/06 (page)", 3, requests, async () =>
        {
            using var response = await browser.GetAsync("/fortschritt/laender/06");
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        await using (var conn = await app.DataSource.OpenConnectionAsync())
        {
            var viernheim = await conn.QuerySingleAsync<Guid>("select id from organizations where name = 'Viernheim'");
            await Measure.RepeatAsync("GET /api/v1/progress/organizations/{Viernheim}", 3, requests, async () =>
            {
                using var response = await api.GetAsync($"/api/v1/progress/organizations/{viernheim}");
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
            });
        }

        return 0;
    }
}
