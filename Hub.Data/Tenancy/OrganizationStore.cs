using Dapper;
using Hub.Core.Audit;
using Hub.Core.Common;
using Hub.Core.Tenancy;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Tenancy;

public sealed class OrganizationStore(HubDb db) : IOrganizationStore
{
    private const string Columns = "id, name, kind, ags, land_code, kreis, description, created_at";

    public async Task<Page<Organization>> ListAsync(OrganizationQuery query, PageRequest page, CancellationToken ct)
    {
        var pattern = Sql.ContainsPattern(query.Text);
        var filter = Sql.Where(
            (pattern is not null, "(name ilike @Pattern or ags like @Prefix::text)"),
            (query.LandCode is not null, "land_code = @LandCode"));
        var sql = $"""
            select {Columns} from organizations {filter}
            order by name, id
            limit @Size offset @Offset;
            select count(*) from organizations {filter};
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new
        {
            Pattern = pattern,
            Prefix = query.Text?.Trim() is { Length: > 0 } t && t.All(char.IsAsciiDigit) ? t + "%" : null,
            query.LandCode,
            page.Size,
            page.Offset,
        }, cancellationToken: ct));
        var items = (await grid.ReadAsync<OrganizationRow>()).Select(r => r.ToDomain()).ToList();
        var total = await grid.ReadSingleAsync<long>();
        return new Page<Organization>(items, page.Number, page.Size, total);
    }

    public async Task<Organization?> GetAsync(Guid id, CancellationToken ct)
    {
        const string sql = $"select {Columns} from organizations where id = @id";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        var row = await conn.QuerySingleOrDefaultAsync<OrganizationRow>(new CommandDefinition(sql, new { id }, cancellationToken: ct));
        return row?.ToDomain();
    }

    public async Task<IReadOnlyList<Organization>> GetManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        const string sql = $"select {Columns} from organizations where id = any(@ids) order by name";
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        var rows = await conn.QueryAsync<OrganizationRow>(new CommandDefinition(sql, new { ids = ids.ToArray() }, cancellationToken: ct));
        return rows.Select(r => r.ToDomain()).ToList();
    }

    public async Task<bool> CreateAsync(Organization organization, AuditEvent audit, CancellationToken ct)
    {
        const string sql = """
            insert into organizations (id, name, kind, ags, land_code, kreis, description, created_at)
            values (@Id, @Name, @Kind, @Ags, @LandCode, @Kreis, @Description, @CreatedAt)
            on conflict (ags) where ags is not null do nothing
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        var inserted = await conn.ExecuteAsync(new CommandDefinition(sql, new
        {
            organization.Id,
            organization.Name,
            Kind = organization.Kind.ToCode(),
            organization.Ags,
            organization.LandCode,
            organization.Kreis,
            organization.Description,
            organization.CreatedAt,
        }, tx, cancellationToken: ct));
        if (inserted == 0)
            return false;
        await AuditWriter.WriteAsync(conn, tx, audit, ct);
        await scope.CommitAsync(ct);
        return true;
    }

    internal sealed class OrganizationRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Kind { get; init; } = "";

        public string? Ags { get; init; }

        public string LandCode { get; init; } = "";

        public string? Kreis { get; init; }

        public string? Description { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public Organization ToDomain() =>
            new(Id, Name, OrganizationKinds.Parse(Kind), Ags, LandCode, Kreis, Description, CreatedAt);
    }

    public async Task<OrganizationImportSummary> ImportAsync(IReadOnlyList<OrganizationImportRow> rows, DateTimeOffset at, CancellationToken ct)
    {
        const string sql = """
            insert into organizations as o (id, name, kind, ags, ars, land_code, kreis, kreis_code, population, created_at)
            select gen_random_uuid(), t.name, t.kind, t.ags, t.ars, t.land, t.kreis, t.kreis_code, t.population, @at
            from unnest(@names::text[], @kinds::text[], @ags::text[], @ars::text[], @lands::text[], @kreise::text[], @kreisCodes::text[], @populations::int[])
                 as t(name, kind, ags, ars, land, kreis, kreis_code, population)
            on conflict (ags) where ags is not null do update
                set ars = coalesce(excluded.ars, o.ars), population = coalesce(excluded.population, o.population),
                    kreis_code = excluded.kreis_code, kreis = coalesce(o.kreis, excluded.kreis)
            where (o.ars, o.population, o.kreis_code) is distinct from (coalesce(excluded.ars, o.ars), coalesce(excluded.population, o.population), excluded.kreis_code)
            returning (xmax = 0) as inserted
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        var tx = scope.Transaction;
        var flags = (await conn.QueryAsync<bool>(new CommandDefinition(sql, new
        {
            at,
            names = rows.Select(r => r.Name).ToArray(),
            kinds = rows.Select(r => r.Kind.ToCode()).ToArray(),
            ags = rows.Select(r => r.Ags).ToArray(),
            ars = rows.Select(r => r.Ars).ToArray(),
            lands = rows.Select(r => r.LandCode).ToArray(),
            kreise = rows.Select(r => r.Kreis).ToArray(),
            kreisCodes = rows.Select(r => r.KreisCode).ToArray(),
            populations = rows.Select(r => r.Population).ToArray(),
        }, tx, cancellationToken: ct))).ToList();
        var summary = new OrganizationImportSummary(rows.Count, flags.Count(f => f), flags.Count(f => !f));
        if (summary.Inserted + summary.Updated > 0)
        {
            await AuditWriter.WriteAsync(conn, tx, AuditEvent.Create(at, null, null, "organization_import", Guid.Empty, "imported",
                after: new { summary.Read, summary.Inserted, summary.Updated }), ct);
        }

        await scope.CommitAsync(ct);
        return summary;
    }
}
