-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- Rules of organizations and cooperations the database enforces itself.

-- The lead must be a member; checked at commit so the cooperation and its members can be inserted in any order.
create or replace function check_cooperation_lead_is_member() returns trigger language plpgsql as $$
begin
    if not exists (
        select 1 from cooperation_members m
        where m.cooperation_id = new.id and m.organization_id = new.lead_organization_id) then
        raise exception 'lead organization % is not a member of cooperation %', new.lead_organization_id, new.id
            using errcode = '23514';
    end if;
    return null;
end $$;

drop trigger if exists ck_cooperations_lead_is_member on cooperations;
create constraint trigger ck_cooperations_lead_is_member
    after insert or update of lead_organization_id on cooperations
    deferrable initially deferred
    for each row execute function check_cooperation_lead_is_member();
