-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- Counters of adoptions per release, organization and status, kept by statement triggers (ADR 0009), and the
-- adoption figures of a draft's releases that the public catalogue shows.

-- 0022's adoption counters: the organizations share-locked first, then per Land and release, and per Land and month.
create or replace function adoption_counts_add(orgs uuid[], releases uuid[], drafts uuid[], statuses text[], created timestamptz[], deltas integer[]) returns void
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

-- An organization that moves to another Land takes its adoptions along in the Land counters of 0015 (the live status
-- rows of 0013 and the drafts' owner Land of 0017 already moved; the adoption counters stayed in the old Land).
create or replace function adoption_counts_organization_moved() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into adoption_counts (land_code, release_id, draft_id, adopters, live)
    select k.land_code, a.release_id, a.draft_id, sum(k.delta), coalesce(sum(k.delta) filter (where a.status = 'live'), 0)
    from adoptions a cross join (values (old.land_code, -1), (new.land_code, 1)) k(land_code, delta)
    where a.organization_id = new.id and a.status <> 'dropped'
    group by 1, 2, 3
    order by 1, 2
    on conflict (land_code, release_id) do update
        set adopters = adoption_counts.adopters + excluded.adopters, live = adoption_counts.live + excluded.live;
    insert into adoption_month_counts (land_code, month, adoptions)
    select k.land_code, date_trunc('month', a.created_at at time zone 'Europe/Berlin')::date, sum(k.delta)
    from adoptions a cross join (values (old.land_code, -1), (new.land_code, 1)) k(land_code, delta)
    where a.organization_id = new.id
    group by 1, 2
    order by 1, 2
    on conflict (land_code, month) do update set adoptions = adoption_month_counts.adoptions + excluded.adoptions;
    return null;
end $$;

-- The counters from scratch: for this migration, and for bulk loads that write with the triggers off (the benchmark seed).
create or replace function adoption_counts_rebuild() returns void language sql security definer set search_path = public, pg_temp
as $$
    delete from adoption_counts;
    delete from adoption_month_counts;
    insert into adoption_counts (land_code, release_id, draft_id, adopters, live)
    select o.land_code, a.release_id, a.draft_id, count(*), count(*) filter (where a.status = 'live')
    from adoptions a join organizations o on o.id = a.organization_id
    where a.status <> 'dropped'
    group by 1, 2, 3;
    insert into adoption_month_counts (land_code, month, adoptions)
    select o.land_code, date_trunc('month', a.created_at at time zone 'Europe/Berlin')::date, count(*)
    from adoptions a join organizations o on o.id = a.organization_id
    group by 1, 2;
$$;
revoke execute on function adoption_counts_rebuild() from public;

create or replace function hub_adoption_figures(p_draft_id uuid, out adopters integer, out live integer) language plpgsql stable security definer
set search_path = public, pg_temp
as $$
begin
    select count(*) filter (where status <> 'dropped')::int, count(*) filter (where status = 'live')::int
    into adopters, live
    from adoptions where draft_id = p_draft_id;
end $$;

drop trigger if exists trg_adoptions_counts_insert on adoptions;
create trigger trg_adoptions_counts_insert after insert on adoptions
    referencing new table as new_rows for each statement execute function adoption_counts_changed();

drop trigger if exists trg_adoptions_counts_update on adoptions;
create trigger trg_adoptions_counts_update after update on adoptions
    referencing old table as old_rows new table as new_rows for each statement execute function adoption_counts_changed();

drop trigger if exists trg_adoptions_counts_delete on adoptions;
create trigger trg_adoptions_counts_delete after delete on adoptions
    referencing old table as old_rows for each statement execute function adoption_counts_changed();

drop trigger if exists trg_adoptions_counts_truncate on adoptions;
create trigger trg_adoptions_counts_truncate after truncate on adoptions
    for each statement execute function adoption_counts_changed();

drop trigger if exists trg_organizations_land_adoptions on organizations;
create trigger trg_organizations_land_adoptions after update of land_code on organizations
    for each row when (old.land_code is distinct from new.land_code) execute function adoption_counts_organization_moved();
