using Dapper;
using Hub.Core.Progress;
using Hub.Data.Common;
using Npgsql;

namespace Hub.Data.Progress;

/// <summary>Dashboard figures, computed from the status and adoption tables with the same defaults as the Umsetzungsstand.</summary>
public sealed class ProgressStore(HubDb db) : IProgressStore
{
    private const string Municipal = "('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt')";

    public async Task<OrganizationProgress> OrganizationAsync(Guid organizationId, CancellationToken ct)
    {
        // The Umsetzungsstand comes from the same query as the status page; here only the adoptions are counted.
        const string sql = """
            select count(*) filter (where a.status <> 'dropped')::int as adoptions, count(*) filter (where a.status = 'live')::int as live,
                   count(*) filter (where a.status <> 'dropped' and exists (
                       select 1 from releases n join releases cur on cur.id = a.release_id
                       where n.draft_id = a.draft_id and n.is_current and (n.major, n.minor) > (cur.major, cur.minor)))::int as behind
            from adoptions a where a.organization_id = @organizationId;
            select name from organizations where id = @organizationId;
            """;
        var rows = await new ImplementationStore(db).ListAsync(organizationId, ct);
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { organizationId }, cancellationToken: ct));
        var (adoptions, live, behind) = await grid.ReadSingleAsync<(int, int, int)>();
        var name = await grid.ReadSingleAsync<string>();
        return OrganizationProgress.From(organizationId, name, rows, adoptions, live, behind);
    }

    public async Task<CooperationProgress?> CooperationAsync(Guid cooperationId, CancellationToken ct)
    {
        const string sql = """
            select name, funding_amount, funder from cooperations where id = @cooperationId;
            -- Per member its counters (migration 0025; reading each member's 557 status rows through the row-level
            -- policy cost 4-7 ms), looked up by key (as a join, the generic plan read all 10,700 through the policy:
            -- 2 ms; this 0.3). Responsible: the recorded responsible rows, plus the municipal services (the catalogue's
            -- default) it recorded nothing for. A member whose figures the reader may not see counts as having recorded
            -- nothing, as its status rows did.
            select m.organization_id, o.name,
                   coalesce(c.responsible, 0) + t.municipal - coalesce(c.on_municipal, 0) as responsible,
                   coalesce(c.live, 0) as live, coalesce(c.in_progress, 0) as in_progress, coalesce(c.no_solution, 0) as no_solution
            from cooperation_members m
            join organizations o on o.id = m.organization_id
            left join lateral (select * from organization_status_counts c where c.organization_id = m.organization_id limit 1) c on true
            cross join (select count(*)::int as municipal from catalog_municipal_services where municipal) t
            where m.cooperation_id = @cooperationId
            order by o.name;
            select status, count(*)::int from drafts where cooperation_id = @cooperationId group by status order by status;
            select count(*)::int, count(distinct rl.draft_id) filter (where rl.status = 'active')::int
            from releases rl where rl.cooperation_id = @cooperationId;
            select o.name, a.status from adoptions a
            join releases rl on rl.id = a.release_id
            join organizations o on o.id = a.organization_id
            where rl.cooperation_id = @cooperationId and a.status <> 'dropped'
              and not exists (select 1 from cooperation_members m where m.cooperation_id = @cooperationId and m.organization_id = a.organization_id)
            order by o.name;
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { cooperationId }, cancellationToken: ct));
        var head = await grid.ReadSingleOrDefaultAsync<(string Name, decimal? Funding, string? Funder)>();
        if (head.Name is null)
            return null;
        var members = (await grid.ReadAsync<MemberProgress>()).ToList();
        var drafts = (await grid.ReadAsync<(string, int)>()).ToList();
        var (releases, services) = await grid.ReadSingleAsync<(int, int)>();
        var outside = (await grid.ReadAsync<(string Name, string Status)>()).ToList();
        return new CooperationProgress(cooperationId, head.Name, head.Funding, head.Funder, members, drafts, releases, services, outside.Count,
            outside.Count(o => o.Status == "live"), outside.Select(o => o.Name).Distinct().ToList());
    }

    public async Task<StateProgress> StateAsync(string landCode, CancellationToken ct)
    {
        // Live municipalities per OZG-Leistung and Kreis come from the maintained counters (migration 0013), not from
        // the status rows; "newest release per draft" is found once per query, not once per adoption.
        const string sql = $"""
            select count(*)::int from organizations where (@All or land_code = @LandCode) and kind in {Municipal};
            select count(distinct kreis_code)::int from organizations where (@All or land_code = @LandCode) and kind in {Municipal};
            with kreis as (select land_code, coalesce(kreis_code, '') as kreis_code, count(*) as n from organizations
                           where (@All or land_code = @LandCode) and kind in {Municipal} and kreis_code is not null group by 1, 2),
                 live as (select land_code, kreis_code, ozg_id, live as n from progress_live_counts where (@All or land_code = @LandCode) and live > 0)
            select cs.ozg_id, cs.name, coalesce(sum(live.n), 0)::int as live_municipalities,
                   count(*) filter (where live.n = kreis.n)::int as kreise_covered
            from catalog_services cs
            left join live on live.ozg_id = cs.ozg_id
            left join kreis on kreis.land_code = live.land_code and kreis.kreis_code = live.kreis_code
            group by cs.ozg_id, cs.name
            order by live_municipalities desc, cs.ozg_id;
            with per_draft as (select draft_id, sum(adopters)::int as adopters, sum(live)::int as live from adoption_counts
                               where (@All or land_code = @LandCode) group by draft_id having sum(adopters) > 0),
                 top as (select * from per_draft order by adopters desc, live desc fetch first 10 rows with ties),
                 newest as (select distinct on (r.draft_id) r.draft_id, r.id, r.title, r.owner_organization_id from releases r
                            where r.draft_id in (select draft_id from top) order by r.draft_id, r.major desc, r.minor desc)
            select newest.id as release_id, top.draft_id, newest.title, o.name as owner_organization_name, top.adopters, top.live
            from top
            join newest on newest.draft_id = top.draft_id
            join organizations o on o.id = newest.owner_organization_id
            order by top.adopters desc, top.live desc, newest.title
            limit 10;
            select to_char(month, 'YYYY-MM') as month, sum(releases)::int as releases, sum(adoptions)::int as adoptions from (
                select date_trunc('month', rl.released_at at time zone 'Europe/Berlin')::date as month, 1 as releases, 0 as adoptions
                from releases rl join organizations o on o.id = rl.owner_organization_id where (@All or o.land_code = @LandCode)
                union all
                select month, 0, adoptions from adoption_month_counts where (@All or land_code = @LandCode)) x
            group by month order by month;
            with newest as (select r.draft_id, r.major, r.minor from releases r where r.is_current)
            select o.name as organization_name, cur.title, cur.major || '.' || cur.minor as adopted_version, n.major || '.' || n.minor as newest_version,
                   (n.major - cur.major) as major_behind, case when n.major = cur.major then n.minor - cur.minor else 0 end as minor_behind, 1 as adopters
            from adoptions a
            join organizations o on o.id = a.organization_id and o.land_code = @LandCode
            join releases cur on cur.id = a.release_id
            join newest n on n.draft_id = a.draft_id
            where a.status <> 'dropped' and not @All
            union all
            select null, cur.title, cur.major || '.' || cur.minor, n.major || '.' || n.minor, (n.major - cur.major),
                   case when n.major = cur.major then n.minor - cur.minor else 0 end, sum(ac.adopters)::int
            from adoption_counts ac
            join releases cur on cur.id = ac.release_id
            join newest n on n.draft_id = ac.draft_id
            where @All and ac.adopters > 0
            group by cur.id, cur.title, cur.major, cur.minor, n.major, n.minor
            order by 5 desc, 6 desc, 1, 2
            limit 500;
            """;
        await using var scope = await db.ReadAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { LandCode = landCode, All = landCode == Hub.Core.Tenancy.Lands.Germany }, cancellationToken: ct));
        var municipalities = await grid.ReadSingleAsync<int>();
        var kreise = await grid.ReadSingleAsync<int>();
        var services = (await grid.ReadAsync<ServiceReach>()).ToList();
        var reused = (await grid.ReadAsync<ReleaseReuse>()).ToList();
        var months = (await grid.ReadAsync<MonthFigures>()).ToList();
        var currency = (await grid.ReadAsync<CurrencyCell>()).ToList();
        return new StateProgress(landCode, municipalities, kreise, services, reused, months, currency, DateTimeOffset.UtcNow);
    }
}
