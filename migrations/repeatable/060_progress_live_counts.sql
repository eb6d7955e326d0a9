-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- Counters of live Umsetzungsstand rows per Land, Kreis and OZG-Leistung, kept by statement triggers
-- (ADR 0009); progress_live_rebuild() counts them again from scratch.

create or replace function progress_live_municipal(kind text) returns boolean language sql immutable
as $$ select kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt') $$;

-- 0013's live counters: only live rows count; the organizations are share-locked first (a move to another Kreis or
-- Land at the same moment is waited for or seen); sums per Land, Kreis and service added in key order.
create or replace function progress_live_add(orgs uuid[], ozgs text[], deltas integer[]) returns void
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

-- An organization that moves to another Kreis or Land, or becomes (or stops being) a municipality, moves its live rows.
create or replace function progress_live_organization_moved() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
    select k.land_code, k.kreis_code, i.ozg_id, sum(k.delta)
    from implementation_status i
    cross join (values (old.land_code, coalesce(old.kreis_code, ''), -1, progress_live_municipal(old.kind)),
                       (new.land_code, coalesce(new.kreis_code, ''), 1, progress_live_municipal(new.kind))) k(land_code, kreis_code, delta, counted)
    where i.organization_id = new.id and i.status = 'live' and k.counted
    group by 1, 2, 3
    having sum(k.delta) <> 0
    order by 1, 2, 3
    on conflict (land_code, kreis_code, ozg_id) do update set live = progress_live_counts.live + excluded.live;
    return null;
end $$;

-- The counters from scratch: for this migration, and for bulk loads that write with the triggers off (the benchmark seed).
create or replace function progress_live_rebuild() returns void language sql security definer set search_path = public, pg_temp
as $$
    delete from progress_live_counts;
    insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
    select o.land_code, coalesce(o.kreis_code, ''), i.ozg_id, count(*)
    from implementation_status i join organizations o on o.id = i.organization_id and progress_live_municipal(o.kind)
    where i.status = 'live'
    group by 1, 2, 3;
$$;
revoke execute on function progress_live_rebuild() from public;

drop trigger if exists trg_implementation_status_live_insert on implementation_status;
create trigger trg_implementation_status_live_insert after insert on implementation_status
    referencing new table as new_rows for each statement execute function progress_live_changed();

drop trigger if exists trg_implementation_status_live_update on implementation_status;
create trigger trg_implementation_status_live_update after update on implementation_status
    referencing old table as old_rows new table as new_rows for each statement execute function progress_live_changed();

drop trigger if exists trg_implementation_status_live_delete on implementation_status;
create trigger trg_implementation_status_live_delete after delete on implementation_status
    referencing old table as old_rows for each statement execute function progress_live_changed();

drop trigger if exists trg_implementation_status_live_truncate on implementation_status;
create trigger trg_implementation_status_live_truncate after truncate on implementation_status
    for each statement execute function progress_live_changed();

drop trigger if exists trg_organizations_progress_live on organizations;
create trigger trg_organizations_progress_live after update of land_code, kreis_code, kind on organizations
    for each row when (old.land_code is distinct from new.land_code or old.kreis_code is distinct from new.kreis_code or old.kind is distinct from new.kind)
    execute function progress_live_organization_moved();
