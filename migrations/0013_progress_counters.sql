-- Maintained counters for the state dashboards: how many municipalities run an OZG-Leistung live, per Land and Kreis.
-- Counting 5.9 million status rows on every dashboard view took seconds for Germany; the counters are kept by
-- statement-level triggers (one aggregate per statement, also for a COPY or a bulk save) in the writing transaction, so
-- they are exactly as committed as the rows they count. A test compares them with a fresh count after random work.
create table progress_live_counts (
    land_code text not null,
    kreis_code text not null, -- '' for municipalities without a Kreis code
    ozg_id text not null,
    live integer not null,
    constraint pk_progress_live_counts primary key (land_code, kreis_code, ozg_id)
);

-- Aggregates only; the app reads them for authorized dashboards and never writes them (the triggers do, as the owner).
revoke insert, update, delete on progress_live_counts from hub_app;

create function progress_live_municipal(kind text) returns boolean language sql immutable
as $$ select kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt') $$;

-- One function for every statement on the status table: the changed rows as signed deltas (+1 for a live row that
-- arrives, -1 for one that goes), summed per Land, Kreis and OZG-Leistung and added in key order (no deadlocks
-- between two bulk saves).
create function progress_live_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    arrived constant text := 'select organization_id, ozg_id, 1 as delta from new_rows where status = ''live''';
    gone constant text := 'select organization_id, ozg_id, -1 as delta from old_rows where status = ''live''';
    changes text;
begin
    if tg_op = 'TRUNCATE' then
        delete from progress_live_counts;
        return null;
    end if;
    changes := case tg_op when 'INSERT' then arrived when 'DELETE' then gone else arrived || ' union all ' || gone end;
    -- The organizations are share-locked first: an organization moving to another Kreis at the same moment either
    -- waits for this statement's transaction or is seen here with its new Kreis (each statement reads afresh).
    execute format('select count(*) from (select 1 from organizations where id in (select organization_id from (%s) c) order by id for share) x', changes);
    execute format($sql$
        insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
        select o.land_code, coalesce(o.kreis_code, ''), c.ozg_id, sum(c.delta)
        from (%s) c join organizations o on o.id = c.organization_id and progress_live_municipal(o.kind)
        group by 1, 2, 3
        having sum(c.delta) <> 0
        order by 1, 2, 3
        on conflict (land_code, kreis_code, ozg_id) do update set live = progress_live_counts.live + excluded.live
        $sql$, changes);
    return null;
end $$;

create trigger trg_implementation_status_live_insert after insert on implementation_status
    referencing new table as new_rows for each statement execute function progress_live_changed();
create trigger trg_implementation_status_live_update after update on implementation_status
    referencing old table as old_rows new table as new_rows for each statement execute function progress_live_changed();
create trigger trg_implementation_status_live_delete after delete on implementation_status
    referencing old table as old_rows for each statement execute function progress_live_changed();
create trigger trg_implementation_status_live_truncate after truncate on implementation_status
    for each statement execute function progress_live_changed();

-- An organization that moves to another Kreis or Land, or becomes (or stops being) a municipality, moves its live rows.
create function progress_live_organization_moved() returns trigger language plpgsql security definer set search_path = public, pg_temp
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

create trigger trg_organizations_progress_live after update of land_code, kreis_code, kind on organizations
    for each row when (old.land_code is distinct from new.land_code or old.kreis_code is distinct from new.kreis_code or old.kind is distinct from new.kind)
    execute function progress_live_organization_moved();

-- The counters from scratch: for this migration, and for bulk loads that write with the triggers off (the benchmark seed).
create function progress_live_rebuild() returns void language sql security definer set search_path = public, pg_temp
as $$
    delete from progress_live_counts;
    insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
    select o.land_code, coalesce(o.kreis_code, ''), i.ozg_id, count(*)
    from implementation_status i join organizations o on o.id = i.organization_id and progress_live_municipal(o.kind)
    where i.status = 'live'
    group by 1, 2, 3;
$$;
revoke execute on function progress_live_rebuild() from public;

select progress_live_rebuild();
