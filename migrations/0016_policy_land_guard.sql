-- "Observers of the owner's Land" in the policies read every organization of the observed Länder into a hashed
-- subplan, once per query and policy, also for the many users who observe no Land (about 1.5 ms each on the Germany
-- data set, and a draft page runs a dozen queries through these policies). The guard skips the subplan when the acting
-- user observes nothing; for observers nothing changes. Same rules, cheaper: the access-control tests still hold.
alter policy drafts_select on drafts using (
    cooperation_id = any ((select hub_my_cooperations())::uuid[])
    or (cardinality((select hub_my_lands())) > 0
        and owner_organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[]))));

alter policy drafts_update on drafts
    using (cooperation_id = any ((select hub_my_cooperations())::uuid[])
           or (cardinality((select hub_my_lands())) > 0
               and owner_organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[]))))
    with check (cooperation_id = any ((select hub_my_cooperations())::uuid[]));

alter policy adoptions_select on adoptions using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or (cardinality((select hub_my_lands())) > 0
        and organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])))
    or (select hub_is_platform_admin())
    or exists (select 1 from releases rl where rl.id = adoptions.release_id and rl.cooperation_id = any ((select hub_my_cooperations())::uuid[])));

alter policy implementation_status_select on implementation_status using (
    organization_id = any ((select hub_my_partner_organizations())::uuid[])
    or (cardinality((select hub_my_lands())) > 0
        and organization_id in (select o.id from organizations o where o.land_code = any ((select hub_my_lands())::text[])))
    or (select hub_is_platform_admin()));
