-- Per organization, what the cooperation dashboard shows of each member's Umsetzungsstand, kept like 0013's Land
-- counters. Reading every member's 557 status rows through the row-level policy cost the dashboard 4-7 ms of PostgreSQL
-- per view on the Germany data set; a member's figures are now one row by its key.
--
-- "Responsible" defaults by the catalogue (a service whose LeiKa entries include Typ 4, 5 or 6 is executed by
-- municipalities, catalog_municipal_services): an organization is responsible for the services it recorded as such plus
-- the municipal services it recorded nothing for, i.e. responsible + (municipal services) - on_municipal. The counters
-- keep the recorded part; the number of municipal services is counted when read (557 catalogue rows).
--
-- Which services are municipal is kept as a column of the catalogue from here on (it was a regular expression over the
-- LeiKa entries in a view, evaluated per service on every Umsetzungsstand page): set whenever LeiKa entries change.
alter table catalog_services add column municipal boolean not null default false;

create function catalog_services_municipal_refresh() returns integer language sql security definer set search_path = public, pg_temp
as $$
    with fresh as (
        select s.ozg_id, exists (select 1 from catalog_leika k where k.ozg_id = s.ozg_id and k.leika_typ ~ '(^|, )(4|5|6)($|,)') as municipal
        from catalog_services s),
    changed as (
        update catalog_services s set municipal = f.municipal from fresh f
        where f.ozg_id = s.ozg_id and s.municipal <> f.municipal returning 1)
    select count(*)::int from changed;
$$;
revoke execute on function catalog_services_municipal_refresh() from public;
select catalog_services_municipal_refresh();

create or replace view catalog_municipal_services with (security_invoker = true) as
    select ozg_id, municipal from catalog_services;
create table organization_status_counts (
    organization_id uuid not null,
    responsible integer not null,  -- recorded rows marked responsible
    on_municipal integer not null, -- recorded rows of municipal services
    live integer not null,
    in_progress integer not null,
    no_solution integer not null,
    constraint pk_organization_status_counts primary key (organization_id),
    constraint fk_organization_status_counts_organization foreign key (organization_id) references organizations (id) on delete cascade
);

-- Aggregates of rows the reader may see: the same policy as the status rows themselves (0016). The app never writes them.
revoke insert, update, delete on organization_status_counts from hub_app;
alter table organization_status_counts enable row level security;
create policy organization_status_counts_select on organization_status_counts for select using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or (cardinality((select hub_my_lands())) > 0
        and organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])))
    or (select hub_is_platform_admin()));

-- Every statement on the status table: its rows as signed deltas (+1 arriving, -1 going), summed per organization and
-- added in key order (no deadlocks between two bulk saves), in the writing transaction.
create function organization_status_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    arrived constant text := 'select organization_id, ozg_id, responsible, status, 1 as delta from new_rows';
    gone constant text := 'select organization_id, ozg_id, responsible, status, -1 as delta from old_rows';
    changes text;
begin
    if tg_op = 'TRUNCATE' then
        delete from organization_status_counts;
        return null;
    end if;
    changes := case tg_op when 'INSERT' then arrived when 'DELETE' then gone else arrived || ' union all ' || gone end;
    execute format($sql$
        insert into organization_status_counts as c (organization_id, responsible, on_municipal, live, in_progress, no_solution)
        select x.organization_id,
               coalesce(sum(x.delta) filter (where x.responsible), 0),
               coalesce(sum(x.delta) filter (where ms.municipal), 0),
               coalesce(sum(x.delta) filter (where x.status = 'live'), 0),
               coalesce(sum(x.delta) filter (where x.status = 'in_progress'), 0),
               coalesce(sum(x.delta) filter (where x.status = 'no_solution'), 0)
        from (%s) x join catalog_municipal_services ms on ms.ozg_id = x.ozg_id
        group by 1
        order by 1
        on conflict (organization_id) do update set
            responsible = c.responsible + excluded.responsible, on_municipal = c.on_municipal + excluded.on_municipal,
            live = c.live + excluded.live, in_progress = c.in_progress + excluded.in_progress, no_solution = c.no_solution + excluded.no_solution
        $sql$, changes);
    return null;
end $$;

create trigger trg_implementation_status_counts_insert after insert on implementation_status
    referencing new table as new_rows for each statement execute function organization_status_changed();
create trigger trg_implementation_status_counts_update after update on implementation_status
    referencing old table as old_rows new table as new_rows for each statement execute function organization_status_changed();
create trigger trg_implementation_status_counts_delete after delete on implementation_status
    referencing old table as old_rows for each statement execute function organization_status_changed();
create trigger trg_implementation_status_counts_truncate after truncate on implementation_status
    for each statement execute function organization_status_changed();

-- The counters from scratch: for this migration, for bulk loads that write with the triggers off (the benchmark seed),
-- and when the catalogue changes which services are municipal. The status table is share-locked first: writers that
-- are under way finish before the count, and later ones wait for this transaction, so no delta is lost or counted twice;
-- the counters are locked against a second rebuild at the same moment (two catalogue changes), which then counts after it.
create function organization_status_rebuild() returns void language plpgsql security definer set search_path = public, pg_temp
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
create function organization_status_catalogue_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
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

create trigger trg_catalog_leika_status_counts_insert after insert on catalog_leika
    referencing new table as new_rows for each statement execute function organization_status_catalogue_changed();
create trigger trg_catalog_leika_status_counts_update after update on catalog_leika
    referencing old table as old_rows new table as new_rows for each statement execute function organization_status_catalogue_changed();
create trigger trg_catalog_leika_status_counts_delete after delete on catalog_leika
    referencing old table as old_rows for each statement execute function organization_status_catalogue_changed();
create trigger trg_catalog_leika_status_counts_truncate after truncate on catalog_leika
    for each statement execute function organization_status_catalogue_changed();

select organization_status_rebuild();
analyze organization_status_counts;
analyze catalog_services;
