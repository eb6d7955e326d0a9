-- Umsetzungsstand: per organization and OZG-Leistung whether it is responsible, how far it is, the achieved
-- Reifegrad and what implements it. Sparse: a missing row means the default (responsible when the service has a
-- LeiKa entry of Typ 4, 5 or 6, i.e. municipal execution; status not_started).

create table implementation_status (
    organization_id uuid not null,
    ozg_id text not null,
    responsible boolean not null,
    status text not null,
    reifegrad smallint,
    reason text,
    adoption_id uuid,
    draft_id uuid,
    row_version integer not null default 1,
    updated_by uuid,
    updated_at timestamptz not null,
    constraint pk_implementation_status primary key (organization_id, ozg_id),
    constraint fk_implementation_status_organization foreign key (organization_id) references organizations (id),
    constraint fk_implementation_status_service foreign key (ozg_id) references catalog_services (ozg_id),
    constraint fk_implementation_status_adoption foreign key (adoption_id) references adoptions (id),
    constraint fk_implementation_status_draft foreign key (draft_id) references drafts (id),
    constraint fk_implementation_status_updated_by foreign key (updated_by) references users (id),
    constraint ck_implementation_status_status check (status in ('not_started', 'planned', 'in_progress', 'live', 'no_solution', 'not_relevant')),
    constraint ck_implementation_status_reifegrad check (reifegrad is null or reifegrad between 0 and 4),
    constraint ck_implementation_status_reason check (status <> 'not_relevant' or length(coalesce(reason, '')) between 1 and 2000)
);
create index ix_implementation_status_service on implementation_status (ozg_id, status);

-- The default responsibility, computed once per service.
create view catalog_municipal_services as
    select s.ozg_id, exists (
        select 1 from catalog_leika k
        where k.ozg_id = s.ozg_id and (k.leika_typ ~ '(^|, )(4|5|6)($|,)')) as municipal
    from catalog_services s;
