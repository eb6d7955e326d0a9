-- The owner's Land on the draft itself, so that "observers of the owner's Land" is an index condition like "members
-- of the cooperation". Before, the drafts policy read the organizations of the observed Länder into a hashed subplan,
-- and with that "or" PostgreSQL could use no index: every child table's policy (revisions, reviews, comments, the
-- audit trail …) asks "is its draft visible?" and got a sequential scan of all drafts through the drafts policy in
-- every query (4-7 ms each on the Germany data set, five of them on a draft page). Now both arms are index scans.
alter table drafts add column owner_land_code text;
update drafts d set owner_land_code = o.land_code from organizations o where o.id = d.owner_organization_id;
alter table drafts alter column owner_land_code set not null;
create index ix_drafts_owner_land on drafts (owner_land_code);

-- Set from the owner on every insert (the stores and the benchmark's COPY need not know the column) …
create function drafts_owner_land() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    new.owner_land_code := (select land_code from organizations where id = new.owner_organization_id);
    return new;
end $$;
create trigger trg_drafts_owner_land before insert or update of owner_organization_id on drafts
    for each row execute function drafts_owner_land();

-- … and kept when an organization moves to another Land.
create function drafts_owner_land_moved() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
begin
    update drafts set owner_land_code = new.land_code where owner_organization_id = new.id;
    return null;
end $$;
create trigger trg_organizations_land_drafts after update of land_code on organizations
    for each row when (old.land_code is distinct from new.land_code) execute function drafts_owner_land_moved();

alter policy drafts_select on drafts using (
    cooperation_id = any ((select hub_my_cooperations())::uuid[])
    or owner_land_code = any ((select hub_my_lands())::text[]));

alter policy drafts_update on drafts
    using (cooperation_id = any ((select hub_my_cooperations())::uuid[])
           or owner_land_code = any ((select hub_my_lands())::text[]))
    with check (cooperation_id = any ((select hub_my_cooperations())::uuid[]));
