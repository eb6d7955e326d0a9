-- Idempotency keys: a form carries a key made when it was rendered (API clients send an Idempotency-Key header), so a
-- double submit — the impatient second click, a retry after a timeout — is answered with the first answer instead of
-- writing a second row. Keys belong to their user; a day later they are gone.

create table idempotency_keys (
    user_id uuid not null,
    key text not null,
    method text not null,
    path text not null,
    created_at timestamptz not null,
    -- Set in the transaction that did the request's work: a repeat whose first answer was lost (an outage between
    -- commit and answer) learns that the work is done instead of doing it twice.
    committed_at timestamptz,
    status_code integer,
    location text,
    content_type text,
    body text,
    constraint pk_idempotency_keys primary key (user_id, key),
    constraint fk_idempotency_keys_user foreign key (user_id) references users (id),
    constraint ck_idempotency_keys_key check (length(key) between 8 and 200)
);
create index ix_idempotency_keys_created on idempotency_keys (created_at);

alter table idempotency_keys enable row level security;
create policy idempotency_keys_own on idempotency_keys for all using (user_id = hub_user_id()) with check (user_id = hub_user_id());
