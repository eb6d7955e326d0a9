-- Drafts with immutable revisions, review rounds and verdicts, releases, comments and notifications.

create table drafts (
    id uuid not null,
    owner_organization_id uuid not null,
    cooperation_id uuid not null,
    status text not null,
    current_revision integer not null,
    title text not null,
    summary text,
    open_round_id uuid,
    created_by uuid not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    constraint pk_drafts primary key (id),
    -- The owner must be a member of the cooperation the draft is reviewed in.
    constraint fk_drafts_cooperation_member foreign key (cooperation_id, owner_organization_id)
        references cooperation_members (cooperation_id, organization_id),
    constraint fk_drafts_created_by foreign key (created_by) references users (id),
    constraint ck_drafts_status check (status in ('draft', 'in_review', 'changes_requested', 'approved', 'released', 'withdrawn')),
    constraint ck_drafts_title check (length(title) between 1 and 200),
    constraint ck_drafts_current_revision check (current_revision >= 1)
);
create index ix_drafts_owner_status on drafts (owner_organization_id, status, updated_at desc);
create index ix_drafts_cooperation_status on drafts (cooperation_id, status, updated_at desc);

create table draft_revisions (
    draft_id uuid not null,
    revision integer not null,
    title text not null,
    summary text,
    body text not null,
    body_html text not null,
    steckbrief jsonb not null default '{}',
    created_by uuid not null,
    created_at timestamptz not null,
    constraint pk_draft_revisions primary key (draft_id, revision),
    constraint fk_draft_revisions_draft foreign key (draft_id) references drafts (id),
    constraint fk_draft_revisions_created_by foreign key (created_by) references users (id),
    constraint ck_draft_revisions_title check (length(title) between 1 and 200),
    constraint ck_draft_revisions_body check (length(body) <= 200000)
);

create table draft_catalog_services (
    draft_id uuid not null,
    ozg_id text not null,
    constraint pk_draft_catalog_services primary key (draft_id, ozg_id),
    constraint fk_draft_catalog_services_draft foreign key (draft_id) references drafts (id),
    constraint ck_draft_catalog_services_ozg_id check (ozg_id ~ '^[0-9]{5}$')
);

create table review_rounds (
    id uuid not null,
    draft_id uuid not null,
    revision integer not null,
    opened_by uuid not null,
    opened_at timestamptz not null,
    closed_at timestamptz,
    outcome text,
    constraint pk_review_rounds primary key (id),
    constraint fk_review_rounds_revision foreign key (draft_id, revision) references draft_revisions (draft_id, revision),
    constraint ck_review_rounds_outcome check (outcome is null or outcome in ('approved', 'changes_requested', 'recalled', 'withdrawn'))
);
create index ix_review_rounds_draft on review_rounds (draft_id, opened_at);
alter table drafts add constraint fk_drafts_open_round foreign key (open_round_id) references review_rounds (id);

create table reviews (
    id uuid not null,
    round_id uuid not null,
    draft_id uuid not null,
    revision integer not null,
    organization_id uuid not null,
    reviewer_user_id uuid not null,
    verdict text not null,
    body text not null default '',
    body_html text not null default '',
    created_at timestamptz not null,
    constraint pk_reviews primary key (id),
    constraint fk_reviews_round foreign key (round_id) references review_rounds (id),
    constraint fk_reviews_organization foreign key (organization_id) references organizations (id),
    constraint fk_reviews_reviewer foreign key (reviewer_user_id) references users (id),
    constraint ck_reviews_verdict check (verdict in ('approve', 'request_changes', 'comment')),
    constraint ck_reviews_body check (length(body) <= 50000)
);
create index ix_reviews_draft on reviews (draft_id, created_at);
-- One approval per organization and round, whatever the web layer does.
create unique index uq_reviews_one_approval on reviews (round_id, organization_id) where verdict = 'approve';

create table releases (
    id uuid not null,
    draft_id uuid not null,
    revision integer not null,
    major integer not null,
    minor integer not null,
    breaking boolean not null,
    notes text not null default '',
    notes_html text not null default '',
    title text not null,
    released_by uuid not null,
    released_at timestamptz not null,
    status text not null default 'active',
    status_reason text,
    successor_release_id uuid,
    constraint pk_releases primary key (id),
    constraint fk_releases_revision foreign key (draft_id, revision) references draft_revisions (draft_id, revision),
    constraint fk_releases_released_by foreign key (released_by) references users (id),
    constraint fk_releases_successor foreign key (successor_release_id) references releases (id),
    constraint uq_releases_version unique (draft_id, major, minor),
    constraint ck_releases_status check (status in ('active', 'deprecated', 'withdrawn'))
);
create index ix_releases_released_at on releases (released_at desc);

create table comments (
    id uuid not null,
    draft_id uuid not null,
    revision integer,
    anchor text,
    parent_id uuid,
    author_user_id uuid not null,
    body text not null,
    body_html text not null,
    created_at timestamptz not null,
    resolved_at timestamptz,
    resolved_by uuid,
    constraint pk_comments primary key (id),
    constraint fk_comments_draft foreign key (draft_id) references drafts (id),
    constraint fk_comments_parent foreign key (parent_id) references comments (id),
    constraint fk_comments_author foreign key (author_user_id) references users (id),
    constraint ck_comments_body check (length(body) between 1 and 20000),
    constraint ck_comments_anchor check (anchor is null or length(anchor) <= 200)
);
create index ix_comments_draft on comments (draft_id, created_at);

create table notifications (
    id uuid not null,
    user_id uuid not null,
    -- The text is rendered when shown, in the reader's language: kind + subject (the draft's title), not a sentence.
    kind text not null,
    draft_id uuid,
    subject text not null,
    revision integer,
    version text,
    created_at timestamptz not null,
    read_at timestamptz,
    constraint pk_notifications primary key (id),
    constraint fk_notifications_user foreign key (user_id) references users (id),
    constraint ck_notifications_kind check (kind in ('review_requested', 'approved', 'changes_requested', 'released'))
);
create index ix_notifications_user on notifications (user_id, created_at desc);
