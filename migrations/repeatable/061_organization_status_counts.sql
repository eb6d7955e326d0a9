-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- Counters of Umsetzungsstand rows per organization and status, kept by statement triggers (ADR 0009).

-- 0025's per-organization figures: the same deltas and rules, the rows handed over as arrays.
create or replace function organization_status_add(orgs uuid[], ozgs text[], responsibles boolean[], statuses text[], deltas integer[]) returns void
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

-- The counters from scratch: for this migration, for bulk loads that write with the triggers off (the benchmark seed),
-- and when the catalogue changes which services are municipal. The status table is share-locked first: writers that
-- are under way finish before the count, and later ones wait for this transaction, so no delta is lost or counted twice;
-- the counters are locked against a second rebuild at the same moment (two catalogue changes), which then counts after it.
create or replace function organization_status_rebuild() returns void language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    lock table implementation_status in share mode;
    lock table organization_status_counts in exclusive mode;
    delete from organization_status_counts;
    insert into organization_status_counts (organization_id, responsible, on_municipal, live, in_progress, no_solution)
    select i.organization_id, count(*) filter (where i.responsible), count(*) filter (where ms.municipal),
           count(*) filter (where i.status = 'live'), count(*) filter (where i.status = 'in_progress'),
           count(*) filter (where i.status = 'no_solution')
    from implementation_status i join catalog_municipal_services ms on ms.ozg_id = i.ozg_id
    group by 1;
end $$;
revoke execute on function organization_status_rebuild() from public;

-- A statement on the LeiKa entries (a catalogue import, one transaction, rare) may change which services are
-- municipal: the column follows, and when a service changed the counters are counted again. A statement that changed
-- no entry (an import without changes) costs nothing.
create or replace function organization_status_catalogue_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    changed boolean := true;
begin
    -- Dynamic: a statement naming a transition table is only planned for the triggers that have it.
    if tg_op in ('INSERT', 'UPDATE') then
        execute 'select exists (select 1 from new_rows)' into changed;
    elsif tg_op = 'DELETE' then
        execute 'select exists (select 1 from old_rows)' into changed;
    end if;
    if changed and catalog_services_municipal_refresh() > 0 then
        perform organization_status_rebuild();
    end if;
    return null;
end $$;

drop trigger if exists trg_implementation_status_counts_insert on implementation_status;
create trigger trg_implementation_status_counts_insert after insert on implementation_status
    referencing new table as new_rows for each statement execute function organization_status_changed();

drop trigger if exists trg_implementation_status_counts_update on implementation_status;
create trigger trg_implementation_status_counts_update after update on implementation_status
    referencing old table as old_rows new table as new_rows for each statement execute function organization_status_changed();

drop trigger if exists trg_implementation_status_counts_delete on implementation_status;
create trigger trg_implementation_status_counts_delete after delete on implementation_status
    referencing old table as old_rows for each statement execute function organization_status_changed();

drop trigger if exists trg_implementation_status_counts_truncate on implementation_status;
create trigger trg_implementation_status_counts_truncate after truncate on implementation_status
    for each statement execute function organization_status_changed();

drop trigger if exists trg_catalog_leika_status_counts_insert on catalog_leika;
create trigger trg_catalog_leika_status_counts_insert after insert on catalog_leika
    referencing new table as new_rows for each statement execute function organization_status_catalogue_changed();

drop trigger if exists trg_catalog_leika_status_counts_update on catalog_leika;
create trigger trg_catalog_leika_status_counts_update after update on catalog_leika
    referencing old table as old_rows new table as new_rows for each statement execute function organization_status_catalogue_changed();

drop trigger if exists trg_catalog_leika_status_counts_delete on catalog_leika;
create trigger trg_catalog_leika_status_counts_delete after delete on catalog_leika
    referencing old table as old_rows for each statement execute function organization_status_catalogue_changed();

drop trigger if exists trg_catalog_leika_status_counts_truncate on catalog_leika;
create trigger trg_catalog_leika_status_counts_truncate after truncate on catalog_leika
    for each statement execute function organization_status_catalogue_changed();
