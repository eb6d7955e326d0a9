-- Maintained counters for the state dashboards' adoption figures (most reused services, versions in use, adoptions
-- per month). Reading 150,000 adoptions through the row-level policies took 0.2-0.5 s per figure for Germany; like the
-- live counters (0013) these are kept by statement-level triggers in the writing transaction, and a test compares them
-- with a fresh count after random work.
create table adoption_counts (
    land_code text not null,
    release_id uuid not null,
    draft_id uuid not null,
    adopters integer not null, -- adoptions that are not dropped
    live integer not null,
    constraint pk_adoption_counts primary key (land_code, release_id)
);
create index ix_adoption_counts_draft on adoption_counts (draft_id);

create table adoption_month_counts (
    land_code text not null,
    month date not null, -- first day of the month the adoption was recorded (Europe/Berlin), whatever its status now
    adoptions integer not null,
    constraint pk_adoption_month_counts primary key (land_code, month)
);

revoke insert, update, delete on adoption_counts, adoption_month_counts from hub_app;

-- Every statement on adoptions: the changed rows as signed deltas (+1 arriving, -1 leaving), summed and added in key order.
create function adoption_counts_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    arrived constant text := 'select organization_id, release_id, draft_id, status, created_at, 1 as delta from new_rows';
    gone constant text := 'select organization_id, release_id, draft_id, status, created_at, -1 as delta from old_rows';
    changes text;
begin
    if tg_op = 'TRUNCATE' then
        delete from adoption_counts;
        delete from adoption_month_counts;
        return null;
    end if;
    changes := case tg_op when 'INSERT' then arrived when 'DELETE' then gone else arrived || ' union all ' || gone end;
    execute format($sql$
        insert into adoption_counts (land_code, release_id, draft_id, adopters, live)
        select o.land_code, c.release_id, c.draft_id, sum(c.delta), coalesce(sum(c.delta) filter (where c.status = 'live'), 0)
        from (%s) c join organizations o on o.id = c.organization_id
        where c.status <> 'dropped'
        group by 1, 2, 3
        order by 1, 2
        on conflict (land_code, release_id) do update
            set adopters = adoption_counts.adopters + excluded.adopters, live = adoption_counts.live + excluded.live
        $sql$, changes);
    execute format($sql$
        insert into adoption_month_counts (land_code, month, adoptions)
        select o.land_code, date_trunc('month', c.created_at at time zone 'Europe/Berlin')::date, sum(c.delta)
        from (%s) c join organizations o on o.id = c.organization_id
        group by 1, 2
        having sum(c.delta) <> 0
        order by 1, 2
        on conflict (land_code, month) do update set adoptions = adoption_month_counts.adoptions + excluded.adoptions
        $sql$, changes);
    return null;
end $$;

create trigger trg_adoptions_counts_insert after insert on adoptions
    referencing new table as new_rows for each statement execute function adoption_counts_changed();
create trigger trg_adoptions_counts_update after update on adoptions
    referencing old table as old_rows new table as new_rows for each statement execute function adoption_counts_changed();
create trigger trg_adoptions_counts_delete after delete on adoptions
    referencing old table as old_rows for each statement execute function adoption_counts_changed();
create trigger trg_adoptions_counts_truncate after truncate on adoptions
    for each statement execute function adoption_counts_changed();

-- The counters from scratch: for this migration, and for bulk loads that write with the triggers off (the benchmark seed).
create function adoption_counts_rebuild() returns void language sql security definer set search_path = public, pg_temp
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

select adoption_counts_rebuild();
