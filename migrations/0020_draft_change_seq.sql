-- A draft's change counter. Everything a draft page shows changes only through a write to the draft, its revisions,
-- review rounds, reviews, comments, catalogue services, releases, audit events, or its cooperation (name, review
-- policy, members); each such write counts drafts.change_seq up in the writing transaction. The hub keeps a draft
-- page's data in memory under (draft, counter) (Hub.Web/Drafts/DraftPageReads.cs): a request reads the counter through
-- the row-level policies (so only those who may see the draft get anything) and uses the kept data while the counter
-- is unchanged. Names of organizations and people shown on the page are not counted: they may be as old as the kept
-- entry's lifetime (Hub:Cache:DraftPageSeconds).

alter table drafts add column change_seq bigint not null default 0;

-- With the owner's rights: a partner who comments may not update the draft row, but the count must go up.
create function hub_draft_changed(p_draft_id uuid) returns void language sql volatile security definer set search_path = public, pg_temp
as $$ update drafts set change_seq = change_seq + 1 where id = p_draft_id $$;

-- Any other update of the draft row counts too.
create function drafts_change_seq() returns trigger language plpgsql
as $$
begin
    if new.change_seq = old.change_seq then
        new.change_seq := old.change_seq + 1;
    end if;
    return new;
end $$;

create trigger trg_drafts_draft_changed before update on drafts for each row execute function drafts_change_seq();

-- The child tables: the row's draft (on delete the old row's).
create function hub_child_draft_changed() returns trigger language plpgsql
as $$
begin
    perform hub_draft_changed(case when tg_op = 'DELETE' then old.draft_id else new.draft_id end);
    return null;
end $$;

create trigger trg_draft_revisions_draft_changed after insert or update or delete on draft_revisions
    for each row execute function hub_child_draft_changed();
create trigger trg_review_rounds_draft_changed after insert or update or delete on review_rounds
    for each row execute function hub_child_draft_changed();
create trigger trg_reviews_draft_changed after insert or update or delete on reviews
    for each row execute function hub_child_draft_changed();
create trigger trg_comments_draft_changed after insert or update or delete on comments
    for each row execute function hub_child_draft_changed();
create trigger trg_draft_catalog_services_draft_changed after insert or update or delete on draft_catalog_services
    for each row execute function hub_child_draft_changed();
create trigger trg_releases_draft_changed after insert or update or delete on releases
    for each row execute function hub_child_draft_changed();

-- The page's timeline: events of the draft and of its releases.
create function audit_events_draft_changed() returns trigger language plpgsql
as $$
begin
    if new.entity_type = 'draft' then
        perform hub_draft_changed(new.entity_id);
    elsif new.entity_type = 'release' then
        perform hub_draft_changed(rl.draft_id) from releases rl where rl.id = new.entity_id;
    end if;
    return null;
end $$;

create trigger trg_audit_events_draft_changed after insert on audit_events
    for each row when (new.entity_type in ('draft', 'release')) execute function audit_events_draft_changed();

-- The cooperation's name, review policy and members are part of every one of its drafts' pages. The rows are locked
-- in key order, so two such changes to one cooperation at the same moment wait for each other instead of deadlocking.
create function hub_cooperation_drafts_changed(p_cooperation_id uuid) returns void language sql volatile security definer
set search_path = public, pg_temp
as $$
    update drafts set change_seq = change_seq + 1
    where id in (select id from drafts where cooperation_id = p_cooperation_id order by id for update)
$$;

create function cooperations_draft_changed() returns trigger language plpgsql
as $$
begin
    perform hub_cooperation_drafts_changed(new.id);
    return null;
end $$;

create trigger trg_cooperations_draft_changed after update of name, required_approvals on cooperations
    for each row execute function cooperations_draft_changed();

create function cooperation_members_draft_changed() returns trigger language plpgsql
as $$
begin
    perform hub_cooperation_drafts_changed(case when tg_op = 'DELETE' then old.cooperation_id else new.cooperation_id end);
    return null;
end $$;

create trigger trg_cooperation_members_draft_changed after insert or update or delete on cooperation_members
    for each row execute function cooperation_members_draft_changed();
