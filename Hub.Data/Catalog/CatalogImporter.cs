using Dapper;
using Hub.Core.Audit;
using Hub.Core.Catalog;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Catalog;

/// <summary>
/// Upserts the whole catalogue in one transaction. Each statement only touches rows whose values differ,
/// and reports per row whether it inserted (xmax = 0) or updated, so a second import counts zero changes.
/// </summary>
internal sealed class CatalogImporter(HubDb db)
{
    private const string Themenfelder = """
        insert into catalog_themenfelder as t (id, name)
        select * from unnest(@ids::int[], @names::text[])
        on conflict (id) do update set name = excluded.name
        where t.name is distinct from excluded.name
        returning (xmax = 0) as inserted
        """;

    private const string Lebenslagen = """
        insert into catalog_lebenslagen as t (id, themenfeld_id, name)
        select * from unnest(@ids::int[], @themenfelder::int[], @names::text[])
        on conflict (id) do update set themenfeld_id = excluded.themenfeld_id, name = excluded.name
        where (t.themenfeld_id, t.name) is distinct from (excluded.themenfeld_id, excluded.name)
        returning (xmax = 0) as inserted
        """;

    private const string Services = """
        insert into catalog_services as t (ozg_id, name, lebenslage_id, themenfeld_id)
        select * from unnest(@ids::text[], @names::text[], @lebenslagen::int[], @themenfelder::int[])
        on conflict (ozg_id) do update set name = excluded.name, lebenslage_id = excluded.lebenslage_id, themenfeld_id = excluded.themenfeld_id
        where (t.name, t.lebenslage_id, t.themenfeld_id) is distinct from (excluded.name, excluded.lebenslage_id, excluded.themenfeld_id)
        returning (xmax = 0) as inserted
        """;

    private const string KeyedLeika = """
        insert into catalog_leika as t (leika_key, name, ozg_id, leika_typ, sdg_relevant)
        select * from unnest(@keys::text[], @names::text[], @ozgIds::text[], @types::text[], @sdg::boolean[])
        on conflict (leika_key) where leika_key is not null do update
            set name = excluded.name, ozg_id = excluded.ozg_id, leika_typ = excluded.leika_typ, sdg_relevant = excluded.sdg_relevant
        where (t.name, t.ozg_id, t.leika_typ, t.sdg_relevant) is distinct from (excluded.name, excluded.ozg_id, excluded.leika_typ, excluded.sdg_relevant)
        returning (xmax = 0) as inserted
        """;

    private const string UnkeyedLeika = """
        insert into catalog_leika as t (leika_key, name, ozg_id, leika_typ, sdg_relevant)
        select null, * from unnest(@names::text[], @ozgIds::text[], @types::text[], @sdg::boolean[])
        on conflict (ozg_id, name) where leika_key is null do update
            set leika_typ = excluded.leika_typ, sdg_relevant = excluded.sdg_relevant
        where (t.leika_typ, t.sdg_relevant) is distinct from (excluded.leika_typ, excluded.sdg_relevant)
        returning (xmax = 0) as inserted
        """;

    public async Task<CatalogImportSummary> ImportAsync(CatalogImportSet set, IProgress<string>? progress, CancellationToken ct)
    {
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        var counts = new List<TableImportCount>();

        async Task Step(string table, int read, string sql, object args)
        {
            progress?.Report($"[{counts.Count + 1}/4] {table}: {read} rows …");
            var flags = (await conn.QueryAsync<bool>(new CommandDefinition(sql, args, tx, cancellationToken: ct))).ToList();
            counts.Add(new TableImportCount(table, read, flags.Count(f => f), flags.Count(f => !f)));
        }

        await Step("Themenfelder", set.Themenfelder.Count, Themenfelder,
            new { ids = set.Themenfelder.Select(r => r.Id).ToArray(), names = set.Themenfelder.Select(r => r.Name).ToArray() });
        await Step("Lebenslagen", set.Lebenslagen.Count, Lebenslagen, new
        {
            ids = set.Lebenslagen.Select(r => r.Id).ToArray(),
            themenfelder = set.Lebenslagen.Select(r => r.ThemenfeldId).ToArray(),
            names = set.Lebenslagen.Select(r => r.Name).ToArray(),
        });
        await Step("OZG-Leistungen", set.Services.Count, Services, new
        {
            ids = set.Services.Select(r => r.OzgId).ToArray(),
            names = set.Services.Select(r => r.Name).ToArray(),
            lebenslagen = set.Services.Select(r => r.LebenslageId).ToArray(),
            themenfelder = set.Services.Select(r => r.ThemenfeldId).ToArray(),
        });

        var keyed = set.Leika.Where(r => r.Key is not null).ToList();
        var unkeyed = set.Leika.Where(r => r.Key is null).ToList();
        await Step("LeiKa-Leistungen", set.Leika.Count, KeyedLeika, new
        {
            keys = keyed.Select(r => r.Key).ToArray(),
            names = keyed.Select(r => r.Name).ToArray(),
            ozgIds = keyed.Select(r => r.OzgId).ToArray(),
            types = keyed.Select(r => r.LeikaTyp).ToArray(),
            sdg = keyed.Select(r => r.SdgRelevant).ToArray(),
        });
        var unkeyedFlags = (await conn.QueryAsync<bool>(new CommandDefinition(UnkeyedLeika, new
        {
            names = unkeyed.Select(r => r.Name).ToArray(),
            ozgIds = unkeyed.Select(r => r.OzgId).ToArray(),
            types = unkeyed.Select(r => r.LeikaTyp).ToArray(),
            sdg = unkeyed.Select(r => r.SdgRelevant).ToArray(),
        }, tx, cancellationToken: ct))).ToList();
        var leika = counts[^1];
        counts[^1] = leika with { Inserted = leika.Inserted + unkeyedFlags.Count(f => f), Updated = leika.Updated + unkeyedFlags.Count(f => !f) };

        var summary = new CatalogImportSummary(counts);
        // An import that changed something is recorded like every other write; one that changed nothing leaves no trace.
        if (summary.ChangedAnything)
        {
            await AuditWriter.WriteAsync(conn, tx, AuditEvent.Create(DateTimeOffset.UtcNow, null, null, "catalog", Guid.Empty, "imported",
                after: counts.Select(c => new { c.Table, c.Read, c.Inserted, c.Updated })), ct);
        }

        await scope.CommitAsync(ct);
        return summary;
    }
}
