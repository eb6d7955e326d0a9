-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- The audit trail: append-only, each event hash-linked to the previous one when its transaction commits
-- (docs/security.md; ./hub audit verify recomputes the chain).

-- What the hash covers, in one unambiguous text (a JSON array; jsonb renders its values canonically).
create or replace function audit_event_canonical(e audit_events) returns text language sql immutable parallel safe
as $$
    select jsonb_build_array(e.seq, e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint, e.actor_user_id, e.acting_organization_id,
                             e.entity_type, e.entity_id, e.action, e.before, e.after)::text
$$;

create or replace function audit_events_chain() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    last_seq bigint;
    last_hash bytea;
    e audit_events;
begin
    e := new;
    if e.seq is not null then
        return null; -- an event that came with its link (a restore, the benchmark's seed)
    end if;
    perform pg_advisory_xact_lock(7315202613);
    select seq, hash into last_seq, last_hash from audit_events where seq is not null order by seq desc limit 1;
    e.seq := coalesce(last_seq, 0) + 1;
    e.prev_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
    e.hash := sha256(e.prev_hash || convert_to(audit_event_canonical(e), 'UTF8'));
    update audit_events set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash where id = e.id;
    return null;
end
$$;

-- Append-only as before, with one exception: the chain trigger above links an event once (nested in a trigger, the
-- link still empty, nothing else changed). Nobody else updates: the application role has no UPDATE right at all (0008),
-- and the owner's own statements are refused like everybody's.
create or replace function audit_events_append_only() returns trigger language plpgsql
as $$
begin
    if tg_op = 'UPDATE' and pg_trigger_depth() > 1 and old.seq is null and new.seq is not null
       and (new.id, new.occurred_at, new.actor_user_id, new.acting_organization_id, new.entity_type, new.entity_id, new.action, new.before, new.after)
           is not distinct from (old.id, old.occurred_at, old.actor_user_id, old.acting_organization_id, old.entity_type, old.entity_id, old.action, old.before, old.after) then
        return new;
    end if;
    raise exception 'audit_events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;

drop trigger if exists trg_audit_events_no_update on audit_events;
create trigger trg_audit_events_no_update before update or delete on audit_events for each row execute function audit_events_append_only();

drop trigger if exists trg_audit_events_no_truncate on audit_events;
create trigger trg_audit_events_no_truncate before truncate on audit_events for each statement execute function audit_events_append_only();

drop trigger if exists trg_audit_events_chain on audit_events;
create constraint trigger trg_audit_events_chain after insert on audit_events
    deferrable initially deferred for each row execute function audit_events_chain();
