-- An organization that moves to another Land takes its adoptions along in the Land counters of 0015 (the live status
-- rows of 0013 and the drafts' owner Land of 0017 already moved; the adoption counters stayed in the old Land).
create function adoption_counts_organization_moved() returns trigger language plpgsql security definer set search_path = public, pg_temp
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

create trigger trg_organizations_land_adoptions after update of land_code on organizations
    for each row when (old.land_code is distinct from new.land_code) execute function adoption_counts_organization_moved();

-- Every adoption statement share-locks its organizations first (else an adoption written while its organization
-- moves would be counted in the old Land after the move counted the rest into the new one).
create or replace function adoption_counts_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
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
    -- As in 0013: the organizations are share-locked first, so one moving to another Land at the same moment either
    -- waits for this statement's transaction or is seen here in its new Land (each statement reads afresh).
    execute format('select count(*) from (select 1 from organizations where id in (select organization_id from (%s) c) order by id for share) x', changes);
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

-- Organizations that moved before this migration: count afresh once.
select adoption_counts_rebuild();
