-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- Drafts: the owner's Land copied onto each draft (for the observers' policy), and the change sequence that
-- tells the kept draft page (ADR 0008) that a draft or anything shown on its page changed.

-- Set from the owner on every insert (the stores and the benchmark's COPY need not know the column) …
create or replace function drafts_owner_land() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    new.owner_land_code := (select land_code from organizations where id = new.owner_organization_id);
    return new;
end $$;

-- … and kept when an organization moves to another Land.
create or replace function drafts_owner_land_moved() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    update drafts set owner_land_code = new.land_code where owner_organization_id = new.id;
    return null;
end $$;

-- With the owner's rights: a partner who comments may not update the draft row, but the count must go up.
create or replace function hub_draft_changed(p_draft_id uuid) returns void language sql volatile security definer set search_path = public, pg_temp
as $$ update drafts set change_seq = change_seq + 1 where id = p_draft_id $$;

-- Any other update of the draft row counts too.
create or replace function drafts_change_seq() returns trigger language plpgsql
as $$
begin
    if new.change_seq = old.change_seq then
        new.change_seq := old.change_seq + 1;
    end if;
    return new;
end $$;

-- The child tables: the row's draft (on delete the old row's).
create or replace function hub_child_draft_changed() returns trigger language plpgsql
as $$
begin
    perform hub_draft_changed(case when tg_op = 'DELETE' then old.draft_id else new.draft_id end);
    return null;
end $$;

-- The page's timeline: events of the draft and of its releases.
create or replace function audit_events_draft_changed() returns trigger language plpgsql
as $$
begin
    if new.entity_type = 'draft' then
        perform hub_draft_changed(new.entity_id);
    elsif new.entity_type = 'release' then
        perform hub_draft_changed(rl.draft_id) from releases rl where rl.id = new.entity_id;
    end if;
    return null;
end $$;

-- The cooperation's name, review policy and members are part of every one of its drafts' pages. The rows are locked
-- in key order, so two such changes to one cooperation at the same moment wait for each other instead of deadlocking.
create or replace function hub_cooperation_drafts_changed(p_cooperation_id uuid) returns void language sql volatile security definer
set search_path = public, pg_temp
as $$
    update drafts set change_seq = change_seq + 1
    where id in (select id from drafts where cooperation_id = p_cooperation_id order by id for update)
$$;

create or replace function cooperations_draft_changed() returns trigger language plpgsql
as $$
begin
    perform hub_cooperation_drafts_changed(new.id);
    return null;
end $$;

create or replace function cooperation_members_draft_changed() returns trigger language plpgsql
as $$
begin
    perform hub_cooperation_drafts_changed(case when tg_op = 'DELETE' then old.cooperation_id else new.cooperation_id end);
    return null;
end $$;

drop trigger if exists trg_drafts_owner_land on drafts;
create trigger trg_drafts_owner_land before insert or update of owner_organization_id on drafts
    for each row execute function drafts_owner_land();

drop trigger if exists trg_organizations_land_drafts on organizations;
create trigger trg_organizations_land_drafts after update of land_code on organizations
    for each row when (old.land_code is distinct from new.land_code) execute function drafts_owner_land_moved();

drop trigger if exists trg_drafts_draft_changed on drafts;
create trigger trg_drafts_draft_changed before update on drafts for each row execute function drafts_change_seq();

drop trigger if exists trg_draft_revisions_draft_changed on draft_revisions;
create trigger trg_draft_revisions_draft_changed after insert or update or delete on draft_revisions
    for each row execute function hub_child_draft_changed();

drop trigger if exists trg_review_rounds_draft_changed on review_rounds;
create trigger trg_review_rounds_draft_changed after insert or update or delete on review_rounds
    for each row execute function hub_child_draft_changed();

drop trigger if exists trg_reviews_draft_changed on reviews;
create trigger trg_reviews_draft_changed after insert or update or delete on reviews
    for each row execute function hub_child_draft_changed();

drop trigger if exists trg_comments_draft_changed on comments;
create trigger trg_comments_draft_changed after insert or update or delete on comments
    for each row execute function hub_child_draft_changed();

drop trigger if exists trg_draft_catalog_services_draft_changed on draft_catalog_services;
create trigger trg_draft_catalog_services_draft_changed after insert or update or delete on draft_catalog_services
    for each row execute function hub_child_draft_changed();

drop trigger if exists trg_releases_draft_changed on releases;
create trigger trg_releases_draft_changed after insert or update or delete on releases
    for each row execute function hub_child_draft_changed();

drop trigger if exists trg_audit_events_draft_changed on audit_events;
create trigger trg_audit_events_draft_changed after insert on audit_events
    for each row when (new.entity_type in ('draft', 'release')) execute function audit_events_draft_changed();

drop trigger if exists trg_cooperations_draft_changed on cooperations;
create trigger trg_cooperations_draft_changed after update of name, required_approvals on cooperations
    for each row execute function cooperations_draft_changed();

drop trigger if exists trg_cooperation_members_draft_changed on cooperation_members;
create trigger trg_cooperation_members_draft_changed after insert or update or delete on cooperation_members
    for each row execute function cooperation_members_draft_changed();
