-- "The newest active release of a service" as a column of the release, kept by a trigger, instead of five queries
-- each working it out again (the public catalogue's "no newer active release" anti-join, the adoptions' and the state
-- dashboard's "newest version", the catalogue page's distinct-on). The public search filters its full-text matches by
-- it through a partial index instead of checking every match against its siblings (on the Germany data set a common
-- word matched 7,700 releases and spent a third of its time on that check).
alter table releases add column is_current boolean not null default false;

update releases rl set is_current = true
where rl.status = 'active'
  and not exists (select 1 from releases n where n.draft_id = rl.draft_id and n.status = 'active' and (n.major, n.minor) > (rl.major, rl.minor));

-- At most one current release per service, and the lookup of it.
create unique index ux_releases_current on releases (draft_id) where is_current;
-- The public search's matches among the current releases.
create index ix_releases_current_search on releases using gin (search) where is_current;

-- A release that arrives or changes its status or version recounts its service's current release: first the one that
-- stops being current, then the new one (the unique index checks row by row). All writers of a service's releases hold
-- its draft row first (the lifecycle's transitions lock it; a status change locks it before the release, see
-- ReleaseStore.ChangeStatusAsync), so two of them never recount the same service at once.
create function releases_current_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    newest constant uuid := (select n.id from releases n where n.draft_id = new.draft_id and n.status = 'active'
                             order by n.major desc, n.minor desc limit 1);
begin
    update releases set is_current = false where draft_id = new.draft_id and is_current and id is distinct from newest;
    update releases set is_current = true where id = newest and not is_current;
    return null;
end $$;

create trigger trg_releases_current_insert after insert on releases
    for each row execute function releases_current_changed();
create trigger trg_releases_current_update after update of status, major, minor on releases
    for each row when (old.status is distinct from new.status or old.major <> new.major or old.minor <> new.minor)
    execute function releases_current_changed();
