-- The counters' statement triggers (0013 live status, 0015/0022 adoptions, 0025 per organization) with static SQL.
-- They built their statements per call with EXECUTE (one text for the three kinds of statement, because a trigger only
-- has the transition tables of its own kind), so PostgreSQL planned them on every write: 1.4-1.8 ms for an adoption's
-- two status rows (EXPLAIN ANALYZE on the Germany data set). Now each trigger hands its rows to a function as arrays;
-- every statement is static and PL/pgSQL plans it once per connection (0.1-0.4 ms). What is counted, the locks and the
-- order in which counters are added are unchanged; CounterDriftTests checks them.

-- 0013's live counters: only live rows count; the organizations are share-locked first (a move to another Kreis or
-- Land at the same moment is waited for or seen); sums per Land, Kreis and service added in key order.
create function progress_live_add(orgs uuid[], ozgs text[], deltas integer[]) returns void
language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if orgs is null then
        return;
    end if;
    perform 1 from organizations where id = any (orgs) order by id for share;
    insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
    select o.land_code, coalesce(o.kreis_code, ''), c.ozg_id, sum(c.delta)
    from unnest(orgs, ozgs, deltas) as c (organization_id, ozg_id, delta)
    join organizations o on o.id = c.organization_id and progress_live_municipal(o.kind)
    group by 1, 2, 3
    having sum(c.delta) <> 0
    order by 1, 2, 3
    on conflict (land_code, kreis_code, ozg_id) do update set live = progress_live_counts.live + excluded.live;
end $$;
revoke execute on function progress_live_add(uuid[], text[], integer[]) from public;

create or replace function progress_live_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'TRUNCATE' then
        delete from progress_live_counts;
    elsif tg_op = 'INSERT' then
        perform progress_live_add(array_agg(organization_id), array_agg(ozg_id), array_agg(1)) from new_rows where status = 'live';
    elsif tg_op = 'DELETE' then
        perform progress_live_add(array_agg(organization_id), array_agg(ozg_id), array_agg(-1)) from old_rows where status = 'live';
    else
        perform progress_live_add(array_agg(organization_id), array_agg(ozg_id), array_agg(delta))
        from (select organization_id, ozg_id, 1 as delta from new_rows where status = 'live'
              union all
              select organization_id, ozg_id, -1 from old_rows where status = 'live') x;
    end if;
    return null;
end $$;

-- 0025's per-organization figures: the same deltas and rules, the rows handed over as arrays.
create function organization_status_add(orgs uuid[], ozgs text[], responsibles boolean[], statuses text[], deltas integer[]) returns void
language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into organization_status_counts as c (organization_id, responsible, on_municipal, live, in_progress, no_solution)
    select x.organization_id,
           coalesce(sum(x.delta) filter (where x.responsible), 0),
           coalesce(sum(x.delta) filter (where s.municipal), 0),
           coalesce(sum(x.delta) filter (where x.status = 'live'), 0),
           coalesce(sum(x.delta) filter (where x.status = 'in_progress'), 0),
           coalesce(sum(x.delta) filter (where x.status = 'no_solution'), 0)
    from unnest(orgs, ozgs, responsibles, statuses, deltas) as x (organization_id, ozg_id, responsible, status, delta)
    join catalog_services s on s.ozg_id = x.ozg_id
    group by 1
    order by 1
    on conflict (organization_id) do update set
        responsible = c.responsible + excluded.responsible, on_municipal = c.on_municipal + excluded.on_municipal,
        live = c.live + excluded.live, in_progress = c.in_progress + excluded.in_progress, no_solution = c.no_solution + excluded.no_solution;
end $$;
revoke execute on function organization_status_add(uuid[], text[], boolean[], text[], integer[]) from public;

create or replace function organization_status_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'TRUNCATE' then
        delete from organization_status_counts;
    elsif tg_op = 'INSERT' then
        perform organization_status_add(array_agg(organization_id), array_agg(ozg_id), array_agg(responsible), array_agg(status), array_agg(1)) from new_rows;
    elsif tg_op = 'DELETE' then
        perform organization_status_add(array_agg(organization_id), array_agg(ozg_id), array_agg(responsible), array_agg(status), array_agg(-1)) from old_rows;
    else
        perform organization_status_add(array_agg(organization_id), array_agg(ozg_id), array_agg(responsible), array_agg(status), array_agg(delta))
        from (select organization_id, ozg_id, responsible, status, 1 as delta from new_rows
              union all
              select organization_id, ozg_id, responsible, status, -1 from old_rows) x;
    end if;
    return null;
end $$;

-- 0022's adoption counters: the organizations share-locked first, then per Land and release, and per Land and month.
create function adoption_counts_add(orgs uuid[], releases uuid[], drafts uuid[], statuses text[], created timestamptz[], deltas integer[]) returns void
language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if orgs is null then
        return;
    end if;
    perform 1 from organizations where id = any (orgs) order by id for share;
    insert into adoption_counts (land_code, release_id, draft_id, adopters, live)
    select o.land_code, c.release_id, c.draft_id, sum(c.delta), coalesce(sum(c.delta) filter (where c.status = 'live'), 0)
    from unnest(orgs, releases, drafts, statuses, deltas) as c (organization_id, release_id, draft_id, status, delta)
    join organizations o on o.id = c.organization_id
    where c.status <> 'dropped'
    group by 1, 2, 3
    order by 1, 2
    on conflict (land_code, release_id) do update
        set adopters = adoption_counts.adopters + excluded.adopters, live = adoption_counts.live + excluded.live;
    insert into adoption_month_counts (land_code, month, adoptions)
    select o.land_code, date_trunc('month', c.created_at at time zone 'Europe/Berlin')::date, sum(c.delta)
    from unnest(orgs, created, deltas) as c (organization_id, created_at, delta)
    join organizations o on o.id = c.organization_id
    group by 1, 2
    having sum(c.delta) <> 0
    order by 1, 2
    on conflict (land_code, month) do update set adoptions = adoption_month_counts.adoptions + excluded.adoptions;
end $$;
revoke execute on function adoption_counts_add(uuid[], uuid[], uuid[], text[], timestamptz[], integer[]) from public;

create or replace function adoption_counts_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    if tg_op = 'TRUNCATE' then
        delete from adoption_counts;
        delete from adoption_month_counts;
    elsif tg_op = 'INSERT' then
        perform adoption_counts_add(array_agg(organization_id), array_agg(release_id), array_agg(draft_id), array_agg(status), array_agg(created_at), array_agg(1))
        from new_rows;
    elsif tg_op = 'DELETE' then
        perform adoption_counts_add(array_agg(organization_id), array_agg(release_id), array_agg(draft_id), array_agg(status), array_agg(created_at), array_agg(-1))
        from old_rows;
    else
        perform adoption_counts_add(array_agg(organization_id), array_agg(release_id), array_agg(draft_id), array_agg(status), array_agg(created_at), array_agg(delta))
        from (select organization_id, release_id, draft_id, status, created_at, 1 as delta from new_rows
              union all
              select organization_id, release_id, draft_id, status, created_at, -1 from old_rows) x;
    end if;
    return null;
end $$;
