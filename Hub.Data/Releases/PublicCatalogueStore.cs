using Dapper;
using Hub.Core.Common;
using Hub.Core.Drafts;
using Hub.Core.Releases;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Releases;

/// <summary>The public catalogue: per service its newest active release; only released content is ever read here.</summary>
public sealed class PublicCatalogueStore(HubDb db) : IPublicCatalogue
{
    private const string MarkStart = SnippetMarks.Start;
    private const string MarkStop = SnippetMarks.Stop;

    // The newest active release per service (kept as releases.is_current, migration 0023; a search finds its matches
    // among them through a partial full-text index).
    private const string Latest = "with latest as (select rl.* from releases rl where rl.is_current)";

    private const string Select = """
        select l.draft_id, l.id as release_id, l.title, rev.summary, l.major, l.minor, l.released_at, l.notes_html,
               l.owner_organization_id, o.name as owner_organization_name, o.land_code, l.cooperation_id, c.name as cooperation_name,
               (rev.steckbrief->>'targetReifegrad')::int as reifegrad,
               array(select dcs.ozg_id from draft_catalog_services dcs where dcs.draft_id = l.draft_id order by dcs.ozg_id) as ozg_ids,
               array(select distinct t.name from draft_catalog_services dcs join catalog_services cs on cs.ozg_id = dcs.ozg_id
                     join catalog_themenfelder t on t.id = cs.themenfeld_id where dcs.draft_id = l.draft_id order by t.name) as themenfelder,
               f.adopters, f.live
        """;

    private const string Joins = """
        join organizations o on o.id = l.owner_organization_id
        join draft_revisions rev on rev.draft_id = l.draft_id and rev.revision = l.revision
        """;

    // Only for the rows shown: the cooperation, the adoption figures (one function call per row).
    private const string Details = """
        join cooperations c on c.id = l.cooperation_id
        cross join lateral hub_adoption_figures(l.draft_id) f
        """;

    public async Task<Page<PublicService>> SearchAsync(PublicQuery query, PageRequest page, CancellationToken ct)
    {
        var args = new
        {
            Text = FieldValidator.Trim(query.Text), query.ThemenfeldId, query.OwnerId, query.CooperationId, query.MinReifegrad, query.LandCode, page.Size, page.Offset,
        };
        var text = args.Text is not null;
        // Only the filters given are written into the query, so each combination keeps one generic plan that can use their
        // indexes (one custom plan per search cost 5 ms of planning). Filters on other tables as exists (…): no join runs
        // through the revisions' row-level policy for every match.
        var filter = Sql.Where(
            (text, "l.search @@ q"),
            (args.ThemenfeldId is not null, """
                exists (select 1 from draft_catalog_services dcs join catalog_services cs on cs.ozg_id = dcs.ozg_id
                        where dcs.draft_id = l.draft_id and cs.themenfeld_id = @ThemenfeldId)
                """),
            (args.OwnerId is not null, "l.owner_organization_id = @OwnerId"),
            (args.CooperationId is not null, "l.cooperation_id = @CooperationId"),
            (args.MinReifegrad is not null, """
                exists (select 1 from draft_revisions rev where rev.draft_id = l.draft_id and rev.revision = l.revision
                        and (rev.steckbrief->>'targetReifegrad')::int >= @MinReifegrad)
                """),
            (args.LandCode is not null, "exists (select 1 from organizations o where o.id = l.owner_organization_id and o.land_code = @LandCode)"));
        // The text's query once per statement (in a generic plan a call in the select list runs again for every row).
        var words = text ? "websearch_to_tsquery('german', @Text) q, " : "";
        var rank = text ? "ts_rank(l.search_head, q)" : "0";
        var snippet = text
            ? $"ts_headline('german', hub_snippet_source(coalesce(rev.summary, '') || ' ' || rev.body, q), q, 'StartSel={MarkStart}, StopSel={MarkStop}, MaxWords=35, MinWords=12, MaxFragments=2')"
            : "null";
        // The page is chosen first (rank, filters, limit) and counts the matches in the same scan; then only its rows get
        // snippets, figures and details. Only a page past the last match needs the count on its own.
        var sql = $"""
            {Latest},
            page as (select l.id, {rank} as rank, count(*) over () as total
                     from {words}latest l {filter}
                     order by rank desc, l.released_at desc, l.draft_id
                     limit @Size offset @Offset)
            {Select}, p.total, {snippet} as snippet
            from {words}page p join releases l on l.id = p.id {Joins} {Details}
            order by p.rank desc, l.released_at desc, l.draft_id;
            """;
        var count = $"{Latest} select count(*) from {words}latest l {filter}";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        // A search by text finds its matches through the full-text index (ranked by title and summary, migration 0021).
        Func<string, string> plan = text ? Sql.ByIndex : statements => statements;
        var rows = (await conn.QueryAsync<Row>(new CommandDefinition(plan(sql), args, cancellationToken: ct))).ToList();
        var total = await PageTotal.OfAsync(rows, r => r.Total, page,
            () => conn.ExecuteScalarAsync<long>(new CommandDefinition(plan(count), args, cancellationToken: ct)));
        return new Page<PublicService>(rows.Select(r => r.ToDomain()).ToList(), page.Number, page.Size, total);
    }

    public async Task<PublicService?> GetAsync(Guid draftId, CancellationToken ct)
    {
        const string sql = $"{Latest} {Select}, null as snippet from latest l {Joins} {Details} where l.draft_id = @draftId";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, new { draftId }, cancellationToken: ct)))?.ToDomain();
    }

    public async Task<IReadOnlyList<FeedEntry>> FeedAsync(int? themenfeldId, Guid? draftId, int count, CancellationToken ct)
    {
        var filter = Sql.Where(
            (draftId is not null, "rl.draft_id = @draftId"),
            (themenfeldId is not null, """
                exists (select 1 from draft_catalog_services dcs join catalog_services cs on cs.ozg_id = dcs.ozg_id
                        where dcs.draft_id = rl.draft_id and cs.themenfeld_id = @themenfeldId)
                """));
        var sql = $"""
            select rl.id as release_id, rl.draft_id, rl.title, rl.major, rl.minor, rl.released_at, rl.notes, o.name as owner_organization_name
            from releases rl join organizations o on o.id = rl.owner_organization_id
            {filter}
            order by rl.released_at desc, rl.id
            limit @count
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<FeedRow>(new CommandDefinition(sql, new { themenfeldId, draftId, count }, cancellationToken: ct)))
            .Select(r => new FeedEntry(r.ReleaseId, r.DraftId, r.Title, new ReleaseVersion(r.Major, r.Minor), r.ReleasedAt, r.Notes, r.OwnerOrganizationName)).ToList();
    }

    public Task<IReadOnlyList<(Guid Id, string Name)>> OwnersAsync(string? landCode, CancellationToken ct) => PairsAsync($"""
        select distinct o.id, o.name from releases rl join organizations o on o.id = rl.owner_organization_id
        {Sql.Where((true, "rl.status = 'active'"), (landCode is not null, "o.land_code = @landCode"))} order by o.name
        """, landCode, ct);

    public Task<IReadOnlyList<(Guid Id, string Name)>> CooperationsAsync(string? landCode, CancellationToken ct) => PairsAsync($"""
        select distinct c.id, c.name from releases rl join cooperations c on c.id = rl.cooperation_id
        {Sql.Where((true, "rl.status = 'active'"),
                   (landCode is not null, "exists (select 1 from organizations o where o.id = rl.owner_organization_id and o.land_code = @landCode)"))}
        order by c.name
        """, landCode, ct);

    private async Task<IReadOnlyList<(Guid Id, string Name)>> PairsAsync(string sql, string? landCode, CancellationToken ct)
    {
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        return (await conn.QueryAsync<(Guid, string)>(new CommandDefinition(sql, new { landCode }, cancellationToken: ct))).ToList();
    }

    private sealed class FeedRow
    {
        public Guid ReleaseId { get; init; }

        public Guid DraftId { get; init; }

        public string Title { get; init; } = "";

        public int Major { get; init; }

        public int Minor { get; init; }

        public DateTimeOffset ReleasedAt { get; init; }

        public string Notes { get; init; } = "";

        public string OwnerOrganizationName { get; init; } = "";
    }

    private sealed class Row
    {
        public Guid DraftId { get; init; }

        public Guid ReleaseId { get; init; }

        public string Title { get; init; } = "";

        public string? Summary { get; init; }

        public int Major { get; init; }

        public int Minor { get; init; }

        public DateTimeOffset ReleasedAt { get; init; }

        public string NotesHtml { get; init; } = "";

        public Guid OwnerOrganizationId { get; init; }

        public string OwnerOrganizationName { get; init; } = "";

        public string LandCode { get; init; } = "";

        public Guid CooperationId { get; init; }

        public string CooperationName { get; init; } = "";

        public int? Reifegrad { get; init; }

        public string[] OzgIds { get; init; } = [];

        public string[] Themenfelder { get; init; } = [];

        public int Adopters { get; init; }

        /// <summary>All matches of the search (the same on every row of a page); 0 where a row is read alone.</summary>
        public long Total { get; init; }

        public int Live { get; init; }

        public string? Snippet { get; init; }

        public PublicService ToDomain() => new(DraftId, ReleaseId, Title, Summary, new ReleaseVersion(Major, Minor), ReleasedAt, NotesHtml, OwnerOrganizationId,
            OwnerOrganizationName, LandCode, CooperationId, CooperationName, Reifegrad, OzgIds, Themenfelder, Adopters, Live, Snippet);
    }
}
