-- Failed sign-ins per source address and account, shared by every hub process (attack findings 2 and 3; the sign-in
-- limit had counted every sign-in per address in one process's memory, so colleagues behind one gateway were
-- refused). A row is written before the password is checked (a reservation) and removed when the password was
-- right, so a burst of parallel attempts cannot check more passwords than the limits allow.
-- Authentication infrastructure read before anyone is signed in: no row-level security, like users and sessions.
create table sign_in_failures (
    id uuid not null,
    source text not null,
    user_id uuid,
    failed_at timestamptz not null,
    constraint pk_sign_in_failures primary key (id),
    constraint fk_sign_in_failures_user foreign key (user_id) references users (id) on delete cascade
);
create index ix_sign_in_failures_source on sign_in_failures (source, failed_at);
create index ix_sign_in_failures_user on sign_in_failures (user_id, failed_at) where user_id is not null;
