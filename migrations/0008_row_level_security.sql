-- Row-level security: the database repeats who may see and write what (DESIGN.md, "Who may see what"), so a
-- missing check in the web layer does not leak data. The web application connects as a member of hub_app, which is
-- neither superuser, BYPASSRLS nor owner of any table; migrations, the demo and the import commands run as the owner.
--
-- The acting user arrives per transaction: set_config('hub.user_id', <uuid>, true). A transaction without it is
-- anonymous and sees only public rows (released services).

do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'hub_app') then
        create role hub_app nologin nosuperuser nobypassrls nocreatedb nocreaterole;
    end if;
end
$$;

-- Releases carry the service's owner and cooperation, so public pages, adopters and dashboards never need to read the
-- draft (which stays private to its working group). Both are fixed for a draft's lifetime.
alter table releases add column owner_organization_id uuid;
alter table releases add column cooperation_id uuid;
update releases rl set owner_organization_id = d.owner_organization_id, cooperation_id = d.cooperation_id from drafts d where d.id = rl.draft_id;
alter table releases alter column owner_organization_id set not null;
alter table releases alter column cooperation_id set not null;
alter table releases add constraint fk_releases_owner_organization foreign key (owner_organization_id) references organizations (id);
alter table releases add constraint fk_releases_cooperation foreign key (cooperation_id) references cooperations (id);
create index ix_releases_owner on releases (owner_organization_id);
create index ix_releases_cooperation on releases (cooperation_id);

-- The acting user, or null (anonymous, or a context that was never set: then the policies show nothing private).
create function hub_user_id() returns uuid language sql stable parallel safe
as $$ select nullif(current_setting('hub.user_id', true), '')::uuid $$;

-- What the acting user is, read with the owner's rights so the answer never depends on other policies.
-- Policies call them as (select hub_…()) so PostgreSQL evaluates each once per query, not per row.
create function hub_my_organizations() returns uuid[] language sql stable security definer set search_path = public, pg_temp
as $$ select coalesce(array_agg(organization_id), '{}') from memberships where user_id = hub_user_id() $$;

create function hub_my_cooperations() returns uuid[] language sql stable security definer set search_path = public, pg_temp
as $$
    select coalesce(array_agg(distinct cooperation_id), '{}') from (
        select cm.cooperation_id from cooperation_members cm join memberships m on m.organization_id = cm.organization_id
        where m.user_id = hub_user_id()
        union all
        select cooperation_id from cooperation_coordinators where user_id = hub_user_id()) x
$$;

-- My organizations and every organization that shares a cooperation with one of them.
create function hub_my_partner_organizations() returns uuid[] language sql stable security definer set search_path = public, pg_temp
as $$
    select coalesce(array_agg(distinct organization_id), '{}') from (
        select organization_id from memberships where user_id = hub_user_id()
        union all
        select other.organization_id from memberships m
        join cooperation_members mine on mine.organization_id = m.organization_id
        join cooperation_members other on other.cooperation_id = mine.cooperation_id
        where m.user_id = hub_user_id()) x
$$;

create function hub_my_lands() returns text[] language sql stable security definer set search_path = public, pg_temp
as $$ select coalesce(array_agg(land_code), '{}') from observers where user_id = hub_user_id() $$;

create function hub_is_platform_admin() returns boolean language sql stable security definer set search_path = public, pg_temp
as $$ select coalesce((select is_platform_admin and disabled_at is null from users where id = hub_user_id()), false) $$;

-- Adoption figures are public (the catalogue shows how many use a service); the adoptions themselves are not.
create function hub_adoption_figures(p_draft_id uuid, out adopters integer, out live integer) language sql stable security definer
set search_path = public, pg_temp
as $$
    select count(*) filter (where status <> 'dropped')::int, count(*) filter (where status = 'live')::int
    from adoptions where draft_id = p_draft_id
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Drafts and what hangs off them: the owner's and partners' members, coordinators, observers of the owner's Land.
-- Writers are members of the cooperation's organizations and its coordinators (observers never write).

alter table drafts enable row level security;
create policy drafts_select on drafts for select using (
    cooperation_id = any ((select hub_my_cooperations())::uuid[])
    or owner_organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])));
create policy drafts_insert on drafts for insert with check (owner_organization_id = any ((select hub_my_organizations())::uuid[]));
-- USING lets observers lock the row (FOR UPDATE) and be refused by the lifecycle; WITH CHECK stops their writes.
create policy drafts_update on drafts for update
    using (cooperation_id = any ((select hub_my_cooperations())::uuid[])
           or owner_organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])))
    with check (cooperation_id = any ((select hub_my_cooperations())::uuid[]));

-- "The draft is visible to me" and "I work on the draft", for the child tables (the drafts policy applies inside).
create function hub_draft_writable(p_draft_id uuid) returns boolean language sql stable
as $$ select exists (select 1 from drafts d where d.id = p_draft_id and d.cooperation_id = any (hub_my_cooperations())) $$;

alter table draft_revisions enable row level security;
create policy draft_revisions_select on draft_revisions for select using (
    exists (select 1 from drafts d where d.id = draft_revisions.draft_id)
    or exists (select 1 from releases rl where rl.draft_id = draft_revisions.draft_id and rl.revision = draft_revisions.revision));
create policy draft_revisions_insert on draft_revisions for insert with check (hub_draft_writable(draft_id));

alter table draft_catalog_services enable row level security;
create policy draft_catalog_services_select on draft_catalog_services for select using (
    exists (select 1 from drafts d where d.id = draft_catalog_services.draft_id)
    or exists (select 1 from releases rl where rl.draft_id = draft_catalog_services.draft_id));
create policy draft_catalog_services_insert on draft_catalog_services for insert with check (hub_draft_writable(draft_id));
create policy draft_catalog_services_delete on draft_catalog_services for delete using (hub_draft_writable(draft_id));

alter table review_rounds enable row level security;
create policy review_rounds_select on review_rounds for select using (
    exists (select 1 from drafts d where d.id = review_rounds.draft_id)
    or (outcome = 'approved' and exists (select 1 from releases rl where rl.draft_id = review_rounds.draft_id and rl.revision = review_rounds.revision)));
create policy review_rounds_insert on review_rounds for insert with check (hub_draft_writable(draft_id));
create policy review_rounds_update on review_rounds for update using (hub_draft_writable(draft_id)) with check (hub_draft_writable(draft_id));

-- A release page shows who approved the released revision; nothing else of the review is public.
alter table reviews enable row level security;
create policy reviews_select on reviews for select using (
    exists (select 1 from drafts d where d.id = reviews.draft_id)
    or (verdict = 'approve' and exists (select 1 from releases rl where rl.draft_id = reviews.draft_id and rl.revision = reviews.revision)));
create policy reviews_insert on reviews for insert with check (hub_draft_writable(draft_id) and reviewer_user_id = hub_user_id());

alter table comments enable row level security;
create policy comments_select on comments for select using (exists (select 1 from drafts d where d.id = comments.draft_id));
create policy comments_insert on comments for insert with check (hub_draft_writable(draft_id) and author_user_id = hub_user_id());
create policy comments_update on comments for update using (hub_draft_writable(draft_id)) with check (hub_draft_writable(draft_id));

-- Releases are public; only the draft's working group releases, deprecates and withdraws.
alter table releases enable row level security;
create policy releases_select on releases for select using (true);
create policy releases_insert on releases for insert with check (hub_draft_writable(draft_id) and released_by = hub_user_id());
create policy releases_update on releases for update
    using (cooperation_id = any ((select hub_my_cooperations())::uuid[])) with check (cooperation_id = any ((select hub_my_cooperations())::uuid[]));

-- ---------------------------------------------------------------------------------------------------------------
-- An organization's own progress (adoptions, Umsetzungsstand): the organization, its cooperation partners, observers
-- of its Land, platform admins. Adoptions are also visible to the adopted service's working group (EfA reach).
-- Only the organization's own members write them. (The visibility test is written out in both policies rather than
-- wrapped in a function: inline, the planner evaluates the subqueries once per query instead of once per row.)

alter table adoptions enable row level security;
create policy adoptions_select on adoptions for select using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[]))
    or (select hub_is_platform_admin())
    or exists (select 1 from releases rl where rl.id = adoptions.release_id and rl.cooperation_id = any ((select hub_my_cooperations())::uuid[])));
create policy adoptions_insert on adoptions for insert with check (organization_id = any ((select hub_my_organizations())::uuid[]));
create policy adoptions_update on adoptions for update
    using (organization_id = any ((select hub_my_organizations())::uuid[])) with check (organization_id = any ((select hub_my_organizations())::uuid[]));

alter table implementation_status enable row level security;
create policy implementation_status_select on implementation_status for select using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[]))
    or (select hub_is_platform_admin()));
create policy implementation_status_insert on implementation_status for insert with check (organization_id = any ((select hub_my_organizations())::uuid[]));
create policy implementation_status_update on implementation_status for update
    using (organization_id = any ((select hub_my_organizations())::uuid[])) with check (organization_id = any ((select hub_my_organizations())::uuid[]));

-- ---------------------------------------------------------------------------------------------------------------
-- Personal rows: a notification belongs to its reader; any signed-in action may notify others.

alter table notifications enable row level security;
create policy notifications_select on notifications for select using (user_id = hub_user_id());
create policy notifications_insert on notifications for insert with check (hub_user_id() is not null);
create policy notifications_update on notifications for update using (user_id = hub_user_id()) with check (user_id = hub_user_id());

-- The audit trail of an entity is readable by those who may see the entity; events are written only in the name of
-- the acting user (system events without an actor come from the owner: imports, demo).
alter table audit_events enable row level security;
create policy audit_events_select on audit_events for select using (
    (select hub_is_platform_admin())
    or actor_user_id = hub_user_id()
    or (entity_type = 'draft' and exists (select 1 from drafts d where d.id = audit_events.entity_id))
    or (entity_type = 'release' and hub_user_id() is not null)
    or (entity_type = 'organization' and entity_id = any ((select hub_my_organizations())::uuid[]))
    or (entity_type = 'cooperation' and entity_id = any ((select hub_my_cooperations())::uuid[])));
create policy audit_events_insert on audit_events for insert with check (actor_user_id = hub_user_id());

-- Views read with the caller's rights, so they never bypass a policy.
alter view catalog_municipal_services set (security_invoker = true);

-- ---------------------------------------------------------------------------------------------------------------
-- Privileges of the application role. Default privileges cover the tables later migrations create.
grant usage on schema public to hub_app;
grant select, insert, update, delete on all tables in schema public to hub_app;
grant usage, select on all sequences in schema public to hub_app;
alter default privileges in schema public grant select, insert, update, delete on tables to hub_app;
alter default privileges in schema public grant usage, select on sequences to hub_app;
-- The migration journal is the owner's; the audit trail is append-only for the application.
revoke all on schema_migrations from hub_app;
revoke update, delete, truncate on audit_events from hub_app;
-- The catalogue is imported by the operator, not written by the web application.
revoke insert, update, delete on catalog_themenfelder, catalog_lebenslagen, catalog_services, catalog_leika from hub_app;
