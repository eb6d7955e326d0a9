using Dapper;
using Hub.Core.Catalog;
using Hub.Core.Common;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Catalog;

public sealed class CatalogStore(HubDb db) : ICatalogStore
{
    private const string ServiceSelect = """
        select s.ozg_id, s.name, s.themenfeld_id, t.name as themenfeld_name, s.lebenslage_id, l.name as lebenslage_name
        from catalog_services s
        join catalog_themenfelder t on t.id = s.themenfeld_id
        left join catalog_lebenslagen l on l.id = s.lebenslage_id
        """;

    public async Task<IReadOnlyList<Themenfeld>> ListThemenfelderAsync(CancellationToken ct)
    {
        const string sql = """
            select t.id, t.name, (select count(*)::int from catalog_services s where s.themenfeld_id = t.id) as service_count
            from catalog_themenfelder t order by t.id
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<Themenfeld>(new CommandDefinition(sql, cancellationToken: ct))).ToList();
    }

    public async Task<Page<CatalogService>> SearchAsync(CatalogQuery query, PageRequest page, CancellationToken ct)
    {
        var text = FieldValidator.Trim(query.Text);
        var filter = Sql.Where(
            (query.ThemenfeldId is not null, "s.themenfeld_id = @ThemenfeldId"),
            // The text's query as a sub-select: computed once, not for every row the generic plan filters.
            (text is not null, """
                (s.ozg_id = @Text or s.search @@ (select websearch_to_tsquery('german', @Text)) or s.name ilike @Pattern
                 or exists (select 1 from catalog_leika k where k.ozg_id = s.ozg_id and k.name ilike @Pattern))
                """));
        var sql = $"""
            {ServiceSelect}
            {filter}
            order by case when s.ozg_id = @Text then 0 else 1 end, s.name, s.ozg_id
            limit @Size offset @Offset;
            select count(*) from catalog_services s {filter};
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            query.ThemenfeldId, Text = text, Pattern = Sql.ContainsPattern(text), page.Size, page.Offset,
        }, cancellationToken: ct));
        var items = (await grid.ReadAsync<CatalogService>()).ToList();
        return new Page<CatalogService>(items, page.Number, page.Size, await grid.ReadSingleAsync<long>());
    }

    public async Task<CatalogServiceDetails?> GetAsync(string ozgId, CancellationToken ct)
    {
        const string sql = $"""
            {ServiceSelect} where s.ozg_id = @ozgId;
            select leika_key as key, name, leika_typ, sdg_relevant from catalog_leika where ozg_id = @ozgId order by name, leika_key;
            select rl.id as release_id, rl.title, rl.major || '.' || rl.minor as version, o.name as owner_organization_name, rl.released_at
            from releases rl
            join draft_catalog_services dcs on dcs.draft_id = rl.draft_id
            join organizations o on o.id = rl.owner_organization_id
            where dcs.ozg_id = @ozgId and rl.is_current
            order by rl.released_at desc;
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { ozgId }, cancellationToken: ct));
        var service = await grid.ReadSingleOrDefaultAsync<CatalogService>();
        if (service is null)
            return null;
        var leika = (await grid.ReadAsync<LeikaService>()).ToList();
        var releases = (await grid.ReadAsync<CatalogRelease>()).ToList();
        return new CatalogServiceDetails(service, leika, releases);
    }

    public async Task<IReadOnlyList<string>> FindUnknownAsync(IReadOnlyCollection<string> ozgIds, CancellationToken ct)
    {
        if (ozgIds.Count == 0)
            return [];
        const string sql = "select id from unnest(@ids) as id where not exists (select 1 from catalog_services s where s.ozg_id = id) order by id";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<string>(new CommandDefinition(sql, new { ids = ozgIds.ToArray() }, cancellationToken: ct))).ToList();
    }

    public Task<CatalogImportSummary> ImportAsync(CatalogImportSet set, IProgress<string>? progress, CancellationToken ct) =>
        new CatalogImporter(db).ImportAsync(set, progress, ct);
}
