-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- Row-level security: who may see and write which rows (docs/security.md). The application connects as hub_app,
-- which these policies bind; the acting user comes from hub_user_id() (010_policy_facts.sql).

-- drafts
-- A draft is visible to the partners of its cooperation and to observers of its owner's Land. Both arms are index
-- conditions (owner_land_code is kept on the draft by 030_drafts.sql), because every child table's policy asks "is its
-- draft visible?" in every query.
drop policy if exists drafts_select on drafts;
create policy drafts_select on drafts for select
    using (cooperation_id = any ((select hub_my_cooperations())::uuid[])
           or owner_land_code = any ((select hub_my_lands())::text[]));

drop policy if exists drafts_insert on drafts;
create policy drafts_insert on drafts for insert with check (owner_organization_id = any ((select hub_my_organizations())::uuid[]));

-- USING lets observers lock the row (FOR UPDATE) and be refused by the lifecycle; WITH CHECK stops their writes.
drop policy if exists drafts_update on drafts;
create policy drafts_update on drafts for update
    using (cooperation_id = any ((select hub_my_cooperations())::uuid[])
           or owner_land_code = any ((select hub_my_lands())::text[]))
    with check (cooperation_id = any ((select hub_my_cooperations())::uuid[]));

-- draft_revisions
drop policy if exists draft_revisions_select on draft_revisions;
create policy draft_revisions_select on draft_revisions for select using (
    exists (select 1 from drafts d where d.id = draft_revisions.draft_id)
    or exists (select 1 from releases rl where rl.draft_id = draft_revisions.draft_id and rl.revision = draft_revisions.revision));

drop policy if exists draft_revisions_insert on draft_revisions;
create policy draft_revisions_insert on draft_revisions for insert with check (hub_draft_writable(draft_id));

-- draft_catalog_services
drop policy if exists draft_catalog_services_select on draft_catalog_services;
create policy draft_catalog_services_select on draft_catalog_services for select using (
    exists (select 1 from drafts d where d.id = draft_catalog_services.draft_id)
    or exists (select 1 from releases rl where rl.draft_id = draft_catalog_services.draft_id));

drop policy if exists draft_catalog_services_insert on draft_catalog_services;
create policy draft_catalog_services_insert on draft_catalog_services for insert with check (hub_draft_writable(draft_id));

drop policy if exists draft_catalog_services_delete on draft_catalog_services;
create policy draft_catalog_services_delete on draft_catalog_services for delete using (hub_draft_writable(draft_id));

-- review_rounds
drop policy if exists review_rounds_select on review_rounds;
create policy review_rounds_select on review_rounds for select using (
    exists (select 1 from drafts d where d.id = review_rounds.draft_id)
    or (outcome = 'approved' and exists (select 1 from releases rl where rl.draft_id = review_rounds.draft_id and rl.revision = review_rounds.revision)));

drop policy if exists review_rounds_insert on review_rounds;
create policy review_rounds_insert on review_rounds for insert with check (hub_draft_writable(draft_id));

drop policy if exists review_rounds_update on review_rounds;
create policy review_rounds_update on review_rounds for update using (hub_draft_writable(draft_id)) with check (hub_draft_writable(draft_id));

-- reviews
drop policy if exists reviews_select on reviews;
create policy reviews_select on reviews for select using (
    exists (select 1 from drafts d where d.id = reviews.draft_id)
    or (verdict = 'approve' and exists (select 1 from releases rl where rl.draft_id = reviews.draft_id and rl.revision = reviews.revision)));

drop policy if exists reviews_insert on reviews;
create policy reviews_insert on reviews for insert with check (hub_draft_writable(draft_id) and reviewer_user_id = hub_user_id());

-- comments
drop policy if exists comments_select on comments;
create policy comments_select on comments for select using (exists (select 1 from drafts d where d.id = comments.draft_id));

drop policy if exists comments_insert on comments;
create policy comments_insert on comments for insert with check (hub_draft_writable(draft_id) and author_user_id = hub_user_id());

drop policy if exists comments_update on comments;
create policy comments_update on comments for update using (hub_draft_writable(draft_id)) with check (hub_draft_writable(draft_id));

-- releases
drop policy if exists releases_select on releases;
create policy releases_select on releases for select using (true);

drop policy if exists releases_insert on releases;
create policy releases_insert on releases for insert with check (hub_draft_writable(draft_id) and released_by = hub_user_id());

drop policy if exists releases_update on releases;
create policy releases_update on releases for update
    using (cooperation_id = any ((select hub_my_cooperations())::uuid[])) with check (cooperation_id = any ((select hub_my_cooperations())::uuid[]));

-- adoptions
drop policy if exists adoptions_select on adoptions;
create policy adoptions_select on adoptions for select
    using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or (cardinality((select hub_my_lands())) > 0
        and organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])))
    or (select hub_is_platform_admin())
    or exists (select 1 from releases rl where rl.id = adoptions.release_id and rl.cooperation_id = any ((select hub_my_cooperations())::uuid[])));

drop policy if exists adoptions_insert on adoptions;
create policy adoptions_insert on adoptions for insert with check (organization_id = any ((select hub_my_organizations())::uuid[]));

drop policy if exists adoptions_update on adoptions;
create policy adoptions_update on adoptions for update
    using (organization_id = any ((select hub_my_organizations())::uuid[])) with check (organization_id = any ((select hub_my_organizations())::uuid[]));

-- implementation_status
drop policy if exists implementation_status_select on implementation_status;
create policy implementation_status_select on implementation_status for select
    using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or (cardinality((select hub_my_lands())) > 0
        and organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])))
    or (select hub_is_platform_admin()));

drop policy if exists implementation_status_insert on implementation_status;
create policy implementation_status_insert on implementation_status for insert with check (organization_id = any ((select hub_my_organizations())::uuid[]));

drop policy if exists implementation_status_update on implementation_status;
create policy implementation_status_update on implementation_status for update
    using (organization_id = any ((select hub_my_organizations())::uuid[])) with check (organization_id = any ((select hub_my_organizations())::uuid[]));

-- notifications
drop policy if exists notifications_select on notifications;
create policy notifications_select on notifications for select using (user_id = hub_user_id());

drop policy if exists notifications_insert on notifications;
create policy notifications_insert on notifications for insert with check (hub_user_id() is not null);

drop policy if exists notifications_update on notifications;
create policy notifications_update on notifications for update using (user_id = hub_user_id()) with check (user_id = hub_user_id());

-- audit_events
drop policy if exists audit_events_select on audit_events;
create policy audit_events_select on audit_events for select using (
    (select hub_is_platform_admin())
    or actor_user_id = hub_user_id()
    or (entity_type = 'draft' and exists (select 1 from drafts d where d.id = audit_events.entity_id))
    or (entity_type = 'release' and hub_user_id() is not null)
    or (entity_type = 'organization' and entity_id = any ((select hub_my_organizations())::uuid[]))
    or (entity_type = 'cooperation' and entity_id = any ((select hub_my_cooperations())::uuid[])));

drop policy if exists audit_events_insert on audit_events;
create policy audit_events_insert on audit_events for insert with check (actor_user_id = hub_user_id());

-- idempotency_keys
drop policy if exists idempotency_keys_own on idempotency_keys;
create policy idempotency_keys_own on idempotency_keys for all using (user_id = hub_user_id()) with check (user_id = hub_user_id());

-- organization_status_counts
drop policy if exists organization_status_counts_select on organization_status_counts;
create policy organization_status_counts_select on organization_status_counts for select using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or (cardinality((select hub_my_lands())) > 0
        and organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])))
    or (select hub_is_platform_admin()));
