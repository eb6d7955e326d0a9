-- The audit trail cannot be changed quietly: the application role may only insert (0008 revoked the rest), triggers
-- refuse UPDATE, DELETE and TRUNCATE for everybody who has not switched them off, and every event carries a SHA-256
-- hash over its own content and the previous event's hash. `./hub audit verify` recomputes the chain.

alter table audit_events add column seq bigint;
alter table audit_events add column prev_hash bytea;
alter table audit_events add column hash bytea;

-- What the hash covers, in one unambiguous text (a JSON array; jsonb renders its values canonically).
create function audit_event_canonical(e audit_events) returns text language sql immutable parallel safe
as $$
    select jsonb_build_array(e.seq, e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint, e.actor_user_id, e.acting_organization_id,
                             e.entity_type, e.entity_id, e.action, e.before, e.after)::text
$$;

-- Existing events join the chain in the order they happened.
do $$
declare
    previous bytea := decode(repeat('00', 32), 'hex');
    n bigint := 0;
    e audit_events;
begin
    for e in select * from audit_events order by occurred_at, id loop
        n := n + 1;
        e.seq := n;
        e.prev_hash := previous;
        e.hash := sha256(previous || convert_to(audit_event_canonical(e), 'UTF8'));
        update audit_events set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash where id = e.id;
        previous := e.hash;
    end loop;
end
$$;

alter table audit_events alter column seq set not null;
alter table audit_events alter column prev_hash set not null;
alter table audit_events alter column hash set not null;
alter table audit_events add constraint uq_audit_events_seq unique (seq);

-- Appends under one lock, held to the end of the writing transaction, so the chain's order is the commit order and
-- has no gaps. Runs with the owner's rights: the previous event is found whatever the writer may read.
create function audit_events_chain() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    last_seq bigint;
    last_hash bytea;
begin
    perform pg_advisory_xact_lock(7315202613);
    select seq, hash into last_seq, last_hash from audit_events order by seq desc limit 1;
    new.seq := coalesce(last_seq, 0) + 1;
    new.prev_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
    new.hash := sha256(new.prev_hash || convert_to(audit_event_canonical(new), 'UTF8'));
    return new;
end
$$;

create trigger trg_audit_events_chain before insert on audit_events for each row execute function audit_events_chain();

create function audit_events_append_only() returns trigger language plpgsql
as $$
begin
    raise exception 'audit_events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger trg_audit_events_no_update before update or delete on audit_events for each row execute function audit_events_append_only();
create trigger trg_audit_events_no_truncate before truncate on audit_events for each statement execute function audit_events_append_only();
