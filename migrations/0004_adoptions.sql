-- Nachnutzung: an organization adopts a released service (one adoption per organization and service) and
-- tracks its own rollout; the local overlay (fees, office, contact, statutes) stays the adopter's own.

create table adoptions (
    id uuid not null,
    organization_id uuid not null,
    draft_id uuid not null,
    release_id uuid not null,
    status text not null,
    planned_for date,
    live_since date,
    notes text not null default '',
    notes_html text not null default '',
    -- Optimistic concurrency: every change carries the row version it was based on.
    row_version integer not null default 1,
    created_by uuid not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint pk_adoptions primary key (id),
    constraint fk_adoptions_organization foreign key (organization_id) references organizations (id),
    constraint fk_adoptions_draft foreign key (draft_id) references drafts (id),
    constraint fk_adoptions_release foreign key (release_id) references releases (id),
    constraint fk_adoptions_created_by foreign key (created_by) references users (id),
    constraint uq_adoptions_organization_service unique (organization_id, draft_id),
    constraint ck_adoptions_status check (status in ('planned', 'in_progress', 'live', 'dropped')),
    constraint ck_adoptions_notes check (length(notes) <= 20000),
    constraint ck_adoptions_live_since check (status <> 'live' or live_since is not null)
);
create index ix_adoptions_release on adoptions (release_id);
create index ix_adoptions_draft on adoptions (draft_id, status);

alter table notifications drop constraint ck_notifications_kind;
alter table notifications add constraint ck_notifications_kind check (kind in (
    'review_requested', 'approved', 'changes_requested', 'released', 'commented', 'replied', 'release_deprecated', 'release_withdrawn',
    'update_available'));
