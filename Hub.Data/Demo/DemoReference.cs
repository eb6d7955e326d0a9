using Dapper;
using Hub.Core.Catalog;
using Hub.Core.Progress;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Hub.Data.Catalog;
using Hub.Data.Progress;
using Hub.Data.Tenancy;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hub.Data.Demo;

/// <summary>
/// For the demo (`./hub run`): the full OZG catalogue and every German municipality and Kreis from the public
/// reference data the repository ships (Hub:Demo:ReferenceData, by default data/ of the checkout), and Viernheim's Umsetzungsstand in the spirit
/// of the ministry's example (of ~140 responsible services most online, some in progress, many without a solution on
/// the platform, a few not relevant). Idempotent; skipped when the folder is missing or the setting is empty.
/// </summary>
public static class DemoReference
{
    public static async Task LoadAsync(HubDb db, string directory, ILogger logger, CancellationToken ct)
    {
        if (!Directory.Exists(directory) || CatalogImport.Files.Any(f => !File.Exists(Path.Combine(directory, f))))
        {
            logger.LogInformation("Demo reference data not found under {Directory}: only the curated catalogue seed", directory);
            return;
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in CatalogImport.Files)
            files[name] = await File.ReadAllTextAsync(Path.Combine(directory, name), ct);
        var (set, errors) = CatalogImport.Parse(files);
        if (set is not null)
            await new CatalogStore(db).ImportAsync(set, null, ct);
        else
            logger.LogWarning("Demo catalogue not loaded: {Error}", errors[0]);

        var gemeinden = Path.Combine(directory, "gemeinden.csv");
        var kreise = Path.Combine(directory, "kreise.csv");
        if (File.Exists(gemeinden) && File.Exists(kreise))
        {
            var (rows, problems) = OrganizationImport.Parse(
                [("gemeinden.csv", await File.ReadAllTextAsync(gemeinden, ct)), ("kreise.csv", await File.ReadAllTextAsync(kreise, ct))], landCode: null);
            if (problems.Count == 0)
                await new OrganizationStore(db).ImportAsync(rows, DateTimeOffset.UtcNow, ct);
            else
                logger.LogWarning("Demo organizations not loaded: {Error}", problems[0]);
        }

        await ViernheimAsync(db, ct);
        logger.LogInformation("Loaded the demo reference data (OZG catalogue, every German municipality) from {Directory}", directory);
    }

    private static async Task ViernheimAsync(HubDb db, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var viernheim = await conn.QuerySingleOrDefaultAsync<Guid?>("select id from organizations where ags = '06431020'");
        var editor = await conn.QuerySingleOrDefaultAsync<Guid?>("select id from users where email = 'editor@viernheim.demo'");
        if (viernheim is not { } org || editor is not { } user
            || await conn.ExecuteScalarAsync<bool>("select exists (select 1 from implementation_status where organization_id = @org)", new { org }))
            return;

        var store = new ImplementationStore(db);
        var responsible = (await store.ListAsync(org, ct)).Where(r => r.Responsible).Select(r => r.OzgId).ToList();
        // 61 % live, 5 % in progress, 28 % no solution on the platform, the rest not relevant — the ministry's example.
        var rows = responsible.Select((ozg, i) => (i * 100 / Math.Max(1, responsible.Count)) switch
        {
            < 61 => new ImplementationInput(ozg, true, ImplementationState.Live, 3, null),
            < 66 => new ImplementationInput(ozg, true, ImplementationState.InProgress, null, null),
            < 94 => new ImplementationInput(ozg, true, ImplementationState.NoSolution, null, null),
            _ => new ImplementationInput(ozg, true, ImplementationState.NotRelevant, null, "In Viernheim bisher nicht nachgefragt."),
        }).ToList();
        if (rows.Count > 0)
        {
            await store.UpsertAsync(org, rows, user, DateTimeOffset.UtcNow,
                Hub.Core.Audit.AuditEvent.Create(DateTimeOffset.UtcNow, null, org, "organization", org, "implementation_status_changed", after: new { demo = rows.Count }), ct);
        }
    }
}
