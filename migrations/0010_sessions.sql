-- Server-side sessions: the cookie only names a session, so signing out, changing the password or disabling the
-- account ends it at once, and idle and absolute limits are enforced here, not by the browser. Like api_tokens this is
-- authentication infrastructure read before anyone is signed in, so it has no row-level security; hub_app reaches
-- it only through the stores.

create table sessions (
    id uuid not null,
    user_id uuid not null,
    created_at timestamptz not null,
    last_seen_at timestamptz not null,
    ended_at timestamptz,
    end_reason text,
    constraint pk_sessions primary key (id),
    constraint fk_sessions_user foreign key (user_id) references users (id),
    constraint ck_sessions_end_reason check (end_reason is null or end_reason in ('signed_out', 'password_changed', 'account_disabled', 'expired'))
);
create index ix_sessions_user_open on sessions (user_id) where ended_at is null;

alter table users add column password_changed_at timestamptz;
