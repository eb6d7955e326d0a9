-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- Who the acting user is and what they belong to, cached per transaction: the facts every row-level
-- security policy asks (hub_my_*), their uncached computation (hub_fresh_*), the cache (hub_cache/hub_cached) and the
-- triggers that forget the facts when a membership, cooperation, observer or user row changes.

-- The acting user, or null (anonymous, or a context that was never set: then the policies show nothing private).
create or replace function hub_user_id() returns uuid language sql stable parallel safe
as $$ select nullif(current_setting('hub.user_id', true), '')::uuid $$;

-- The cached text of a fact for the acting user, or null.
create or replace function hub_cached(p_fact text) returns text language plpgsql stable
as $$
declare
    entry text := current_setting('hub.cache.' || p_fact, true);
    separator int;
begin
    if entry is null or entry = '' then
        return null;
    end if;
    separator := strpos(entry, '|');
    if left(entry, separator - 1) <> coalesce(current_setting('hub.user_id', true), '') then
        return null;
    end if;
    return substr(entry, separator + 1);
end $$;

create or replace function hub_cache(p_fact text, p_value text) returns void language sql volatile
as $$ select set_config('hub.cache.' || p_fact, coalesce(current_setting('hub.user_id', true), '') || '|' || p_value, true) $$;

-- The former bodies (0018), with the owner's rights.
create or replace function hub_fresh_my_organizations() returns uuid[] language plpgsql stable security definer set search_path = public, pg_temp
as $$
begin
    return (select coalesce(array_agg(organization_id), '{}') from memberships where user_id = hub_user_id());
end $$;

create or replace function hub_fresh_my_cooperations() returns uuid[] language plpgsql stable security definer set search_path = public, pg_temp
as $$
begin
    return (select coalesce(array_agg(distinct cooperation_id), '{}') from (
        select cm.cooperation_id from cooperation_members cm join memberships m on m.organization_id = cm.organization_id
        where m.user_id = hub_user_id()
        union all
        select cooperation_id from cooperation_coordinators where user_id = hub_user_id()) x);
end $$;

create or replace function hub_fresh_my_partner_organizations() returns uuid[] language plpgsql stable security definer set search_path = public, pg_temp
as $$
begin
    return (select coalesce(array_agg(distinct organization_id), '{}') from (
        select organization_id from memberships where user_id = hub_user_id()
        union all
        select other.organization_id from memberships m
        join cooperation_members mine on mine.organization_id = m.organization_id
        join cooperation_members other on other.cooperation_id = mine.cooperation_id
        where m.user_id = hub_user_id()) x);
end $$;

create or replace function hub_fresh_my_lands() returns text[] language plpgsql stable security definer set search_path = public, pg_temp
as $$
begin
    return (select coalesce(array_agg(land_code), '{}') from observers where user_id = hub_user_id());
end $$;

create or replace function hub_fresh_is_platform_admin() returns boolean language plpgsql stable security definer set search_path = public, pg_temp
as $$
begin
    return coalesce((select is_platform_admin and disabled_at is null from users where id = hub_user_id()), false);
end $$;

-- The names the policies call: the cache first. (No SECURITY DEFINER and no SET clause here: a function with a SET
-- clause undoes the transaction-local settings made inside it when it returns, so the cache would never keep.)
create or replace function hub_my_organizations() returns uuid[] language plpgsql stable security invoker
as $$
declare
    cached text := public.hub_cached('my_organizations');
    fresh uuid[];
begin
    if cached is not null then
        return cached::uuid[];
    end if;
    fresh := public.hub_fresh_my_organizations();
    perform public.hub_cache('my_organizations', fresh::text);
    return fresh;
end $$;

create or replace function hub_my_cooperations() returns uuid[] language plpgsql stable security invoker
as $$
declare
    cached text := public.hub_cached('my_cooperations');
    fresh uuid[];
begin
    if cached is not null then
        return cached::uuid[];
    end if;
    fresh := public.hub_fresh_my_cooperations();
    perform public.hub_cache('my_cooperations', fresh::text);
    return fresh;
end $$;

create or replace function hub_my_partner_organizations() returns uuid[] language plpgsql stable security invoker
as $$
declare
    cached text := public.hub_cached('my_partner_organizations');
    fresh uuid[];
begin
    if cached is not null then
        return cached::uuid[];
    end if;
    fresh := public.hub_fresh_my_partner_organizations();
    perform public.hub_cache('my_partner_organizations', fresh::text);
    return fresh;
end $$;

create or replace function hub_my_lands() returns text[] language plpgsql stable security invoker
as $$
declare
    cached text := public.hub_cached('my_lands');
    fresh text[];
begin
    if cached is not null then
        return cached::text[];
    end if;
    fresh := public.hub_fresh_my_lands();
    perform public.hub_cache('my_lands', fresh::text);
    return fresh;
end $$;

create or replace function hub_is_platform_admin() returns boolean language plpgsql stable security invoker
as $$
declare
    cached text := public.hub_cached('is_platform_admin');
    fresh boolean;
begin
    if cached is not null then
        return cached::boolean;
    end if;
    fresh := public.hub_fresh_is_platform_admin();
    perform public.hub_cache('is_platform_admin', fresh::text);
    return fresh;
end $$;

-- Forget every cached fact of this transaction after a statement that changed where they come from.
create or replace function hub_forget_facts() returns trigger language plpgsql
as $$
begin
    perform set_config('hub.cache.' || fact, '', true)
    from unnest(array['my_organizations', 'my_cooperations', 'my_partner_organizations', 'my_lands', 'is_platform_admin']) fact;
    return null;
end $$;

-- "The draft is visible to me" and "I work on the draft", for the child tables (the drafts policy applies inside).
create or replace function hub_draft_writable(p_draft_id uuid) returns boolean language sql stable
as $$ select exists (select 1 from drafts d where d.id = p_draft_id and d.cooperation_id = any (hub_my_cooperations())) $$;

drop trigger if exists trg_memberships_forget_facts on memberships;
create trigger trg_memberships_forget_facts after insert or update or delete or truncate on memberships
    for each statement execute function hub_forget_facts();

drop trigger if exists trg_cooperation_members_forget_facts on cooperation_members;
create trigger trg_cooperation_members_forget_facts after insert or update or delete or truncate on cooperation_members
    for each statement execute function hub_forget_facts();

drop trigger if exists trg_cooperation_coordinators_forget_facts on cooperation_coordinators;
create trigger trg_cooperation_coordinators_forget_facts after insert or update or delete or truncate on cooperation_coordinators
    for each statement execute function hub_forget_facts();

drop trigger if exists trg_observers_forget_facts on observers;
create trigger trg_observers_forget_facts after insert or update or delete or truncate on observers
    for each statement execute function hub_forget_facts();

drop trigger if exists trg_users_forget_facts on users;
create trigger trg_users_forget_facts after update of is_platform_admin, disabled_at or delete or truncate on users
    for each statement execute function hub_forget_facts();
