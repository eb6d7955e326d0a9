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
                       where n.draft_id = a.draft_id and n.status = 'active' and (n.major, n.minor) > (cur.major, cur.minor)))::int as behind
            from adoptions a where a.organization_id = @organizationId;
            select name from organizations where id = @organizationId;
            """;
        var rows = await new ImplementationStore(db).ListAsync(organizationId, ct);
        await using var scope = await db.OpenAsync(ct);
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
            select m.organization_id, o.name,
                   count(*) filter (where coalesce(i.responsible, ms.municipal))::int as responsible,
                   count(*) filter (where i.status = 'live')::int as live,
                   count(*) filter (where i.status = 'in_progress')::int as in_progress,
                   count(*) filter (where i.status = 'no_solution')::int as no_solution
            from cooperation_members m
            join organizations o on o.id = m.organization_id
            cross join catalog_services cs
            join catalog_municipal_services ms on ms.ozg_id = cs.ozg_id
            left join implementation_status i on i.organization_id = m.organization_id and i.ozg_id = cs.ozg_id
            where m.cooperation_id = @cooperationId
            group by m.organization_id, o.name
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
        await using var scope = await db.OpenAsync(ct);
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
        const string sql = $"""
            select count(*)::int from organizations where land_code = @landCode and kind in {Municipal};
            select count(distinct kreis_code)::int from organizations where land_code = @landCode and kind in {Municipal};
            with m as (select id, kreis_code from organizations where land_code = @landCode and kind in {Municipal}),
                 kreis as (select kreis_code, count(*) as n from m group by kreis_code),
                 live as (select i.ozg_id, m.kreis_code, count(*) as n from implementation_status i join m on m.id = i.organization_id
                          where i.status = 'live' group by i.ozg_id, m.kreis_code)
            select cs.ozg_id, cs.name, coalesce(sum(live.n), 0)::int as live_municipalities,
                   count(*) filter (where live.n = kreis.n)::int as kreise_covered
            from catalog_services cs
            left join live on live.ozg_id = cs.ozg_id
            left join kreis on kreis.kreis_code = live.kreis_code
            group by cs.ozg_id, cs.name
            order by live_municipalities desc, cs.ozg_id;
            select newest.id as release_id, a.draft_id, newest.title, o.name as owner_organization_name,
                   count(*)::int as adopters, count(*) filter (where a.status = 'live')::int as live
            from adoptions a
            join organizations ao on ao.id = a.organization_id and ao.land_code = @landCode
            join releases adopted on adopted.id = a.release_id
            join organizations o on o.id = adopted.owner_organization_id
            join lateral (select r.id, r.title from releases r where r.draft_id = a.draft_id order by r.major desc, r.minor desc limit 1) newest on true
            where a.status <> 'dropped'
            group by newest.id, a.draft_id, newest.title, o.name
            order by adopters desc, live desc, newest.title
            limit 10;
            select month, sum(releases)::int as releases, sum(adoptions)::int as adoptions from (
                select to_char(rl.released_at at time zone 'Europe/Berlin', 'YYYY-MM') as month, 1 as releases, 0 as adoptions
                from releases rl join organizations o on o.id = rl.owner_organization_id where o.land_code = @landCode
                union all
                select to_char(a.created_at at time zone 'Europe/Berlin', 'YYYY-MM'), 0, 1
                from adoptions a join organizations o on o.id = a.organization_id where o.land_code = @landCode) x
            group by month order by month;
            select o.name as organization_name, cur.title, cur.major || '.' || cur.minor as adopted_version, n.major || '.' || n.minor as newest_version,
                   (n.major - cur.major) as major_behind, case when n.major = cur.major then n.minor - cur.minor else 0 end as minor_behind
            from adoptions a
            join organizations o on o.id = a.organization_id and o.land_code = @landCode
            join releases cur on cur.id = a.release_id
            join lateral (select r.major, r.minor from releases r where r.draft_id = a.draft_id and r.status = 'active'
                          order by r.major desc, r.minor desc limit 1) n on true
            where a.status <> 'dropped'
            order by (n.major - cur.major) desc, (n.minor - cur.minor) desc, o.name, cur.title
            limit 500;
            """;
        await using var scope = await db.OpenAsync(ct);
        var conn = scope.Connection;
        await using var grid = await conn.QueryMultipleAsync(new CommandDefinition(sql, new { landCode }, cancellationToken: ct));
        var municipalities = await grid.ReadSingleAsync<int>();
        var kreise = await grid.ReadSingleAsync<int>();
        var services = (await grid.ReadAsync<ServiceReach>()).ToList();
        var reused = (await grid.ReadAsync<ReleaseReuse>()).ToList();
        var months = (await grid.ReadAsync<MonthFigures>()).ToList();
        var currency = (await grid.ReadAsync<CurrencyCell>()).ToList();
        return new StateProgress(landCode, municipalities, kreise, services, reused, months, currency);
    }
}
