-- Tenancy: organizations, cooperations, users, memberships, coordinators, observers.

create table organizations (
    id uuid not null,
    name text not null,
    kind text not null,
    ags text,
    land_code text not null,
    kreis text,
    description text,
    created_at timestamptz not null default now(),
    constraint pk_organizations primary key (id),
    constraint ck_organizations_kind check (kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt', 'landkreis', 'regionalverband', 'ministerium')),
    constraint ck_organizations_name check (length(name) between 1 and 200),
    constraint ck_organizations_ags check (ags is null or ags ~ '^[0-9]{8}$'),
    constraint ck_organizations_land_code check (land_code ~ '^(0[1-9]|1[0-6])$'),
    constraint ck_organizations_kreis check (kreis is null or length(kreis) <= 200),
    constraint ck_organizations_description check (description is null or length(description) <= 20000)
);
create unique index uq_organizations_ags on organizations (ags) where ags is not null;
create index ix_organizations_land_name on organizations (land_code, name);
create index ix_organizations_name_lower on organizations (lower(name) text_pattern_ops);

create table users (
    id uuid not null,
    email text not null,
    display_name text not null,
    password_hash text not null,
    is_platform_admin boolean not null default false,
    disabled_at timestamptz,
    failed_sign_ins integer not null default 0,
    locked_until timestamptz,
    last_sign_in_at timestamptz,
    created_at timestamptz not null default now(),
    constraint pk_users primary key (id),
    constraint ck_users_email check (email = lower(email) and length(email) between 3 and 254),
    constraint ck_users_display_name check (length(display_name) between 1 and 200)
);
create unique index uq_users_email on users (email);

create table memberships (
    organization_id uuid not null,
    user_id uuid not null,
    role text not null,
    created_at timestamptz not null default now(),
    constraint pk_memberships primary key (organization_id, user_id),
    constraint fk_memberships_organization foreign key (organization_id) references organizations (id),
    constraint fk_memberships_user foreign key (user_id) references users (id),
    constraint ck_memberships_role check (role in ('editor', 'reviewer', 'admin'))
);
create index ix_memberships_user on memberships (user_id);

create table cooperations (
    id uuid not null,
    name text not null,
    description text,
    lead_organization_id uuid not null,
    funding_amount numeric(14, 2),
    funder text,
    agreement_date date,
    required_approvals integer not null default 2,
    created_at timestamptz not null default now(),
    constraint pk_cooperations primary key (id),
    constraint fk_cooperations_lead foreign key (lead_organization_id) references organizations (id),
    constraint ck_cooperations_name check (length(name) between 1 and 200),
    constraint ck_cooperations_description check (description is null or length(description) <= 20000),
    constraint ck_cooperations_funder check (funder is null or length(funder) <= 200),
    constraint ck_cooperations_funding check (funding_amount is null or funding_amount >= 0),
    constraint ck_cooperations_required_approvals check (required_approvals >= 1)
);
create index ix_cooperations_lead on cooperations (lead_organization_id);

create table cooperation_members (
    cooperation_id uuid not null,
    organization_id uuid not null,
    joined_at timestamptz not null default now(),
    constraint pk_cooperation_members primary key (cooperation_id, organization_id),
    constraint fk_cooperation_members_cooperation foreign key (cooperation_id) references cooperations (id),
    constraint fk_cooperation_members_organization foreign key (organization_id) references organizations (id)
);
create index ix_cooperation_members_organization on cooperation_members (organization_id);

-- The lead must be a member; checked at commit so the cooperation and its members can be inserted in any order.
create function check_cooperation_lead_is_member() returns trigger language plpgsql as $$
begin
    if not exists (
        select 1 from cooperation_members m
        where m.cooperation_id = new.id and m.organization_id = new.lead_organization_id) then
        raise exception 'lead organization % is not a member of cooperation %', new.lead_organization_id, new.id
            using errcode = '23514';
    end if;
    return null;
end $$;
create constraint trigger ck_cooperations_lead_is_member
    after insert or update of lead_organization_id on cooperations
    deferrable initially deferred
    for each row execute function check_cooperation_lead_is_member();

create table cooperation_coordinators (
    cooperation_id uuid not null,
    user_id uuid not null,
    created_at timestamptz not null default now(),
    constraint pk_cooperation_coordinators primary key (cooperation_id, user_id),
    constraint fk_cooperation_coordinators_cooperation foreign key (cooperation_id) references cooperations (id),
    constraint fk_cooperation_coordinators_user foreign key (user_id) references users (id)
);
create index ix_cooperation_coordinators_user on cooperation_coordinators (user_id);

-- Ministry users who read everything in one Land and write nothing.
create table observers (
    user_id uuid not null,
    land_code text not null,
    organization_id uuid,
    created_at timestamptz not null default now(),
    constraint pk_observers primary key (user_id, land_code),
    constraint fk_observers_user foreign key (user_id) references users (id),
    constraint fk_observers_organization foreign key (organization_id) references organizations (id),
    constraint ck_observers_land_code check (land_code ~ '^(0[1-9]|1[0-6])$')
);

create table api_tokens (
    id uuid not null,
    user_id uuid not null,
    token_hash bytea not null,
    name text not null,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    last_used_at timestamptz,
    constraint pk_api_tokens primary key (id),
    constraint fk_api_tokens_user foreign key (user_id) references users (id),
    constraint uq_api_tokens_hash unique (token_hash)
);
create index ix_api_tokens_user on api_tokens (user_id);

-- ASP.NET Core data-protection key ring, shared by every web instance.
create table data_protection_keys (
    id bigint generated always as identity,
    friendly_name text not null,
    xml text not null,
    created_at timestamptz not null default now(),
    constraint pk_data_protection_keys primary key (id),
    constraint uq_data_protection_keys_friendly_name unique (friendly_name)
);

create table audit_events (
    id uuid not null,
    occurred_at timestamptz not null,
    actor_user_id uuid,
    acting_organization_id uuid,
    entity_type text not null,
    entity_id uuid not null,
    action text not null,
    before jsonb,
    after jsonb,
    constraint pk_audit_events primary key (id)
);
create index ix_audit_events_entity on audit_events (entity_type, entity_id, occurred_at);
create index ix_audit_events_actor on audit_events (actor_user_id, occurred_at);
