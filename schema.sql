--
-- PostgreSQL database dump
--



SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: adoption_counts_add(uuid[], uuid[], uuid[], text[], timestamp with time zone[], integer[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.adoption_counts_add(orgs uuid[], releases uuid[], drafts uuid[], statuses text[], created timestamp with time zone[], deltas integer[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    if orgs is null then
        return;
    end if;
    perform 1 from organizations where id = any (orgs) order by id for share;
    insert into adoption_counts (land_code, release_id, draft_id, adopters, live)
    select o.land_code, c.release_id, c.draft_id, sum(c.delta), coalesce(sum(c.delta) filter (where c.status = 'live'), 0)
    from unnest(orgs, releases, drafts, statuses, deltas) as c (organization_id, release_id, draft_id, status, delta)
    join organizations o on o.id = c.organization_id
    where c.status <> 'dropped'
    group by 1, 2, 3
    order by 1, 2
    on conflict (land_code, release_id) do update
        set adopters = adoption_counts.adopters + excluded.adopters, live = adoption_counts.live + excluded.live;
    insert into adoption_month_counts (land_code, month, adoptions)
    select o.land_code, date_trunc('month', c.created_at at time zone 'Europe/Berlin')::date, sum(c.delta)
    from unnest(orgs, created, deltas) as c (organization_id, created_at, delta)
    join organizations o on o.id = c.organization_id
    group by 1, 2
    having sum(c.delta) <> 0
    order by 1, 2
    on conflict (land_code, month) do update set adoptions = adoption_month_counts.adoptions + excluded.adoptions;
end $$;


--
-- Name: adoption_counts_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.adoption_counts_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    if tg_op = 'TRUNCATE' then
        delete from adoption_counts;
        delete from adoption_month_counts;
    elsif tg_op = 'INSERT' then
        perform adoption_counts_add(array_agg(organization_id), array_agg(release_id), array_agg(draft_id), array_agg(status), array_agg(created_at), array_agg(1))
        from new_rows;
    elsif tg_op = 'DELETE' then
        perform adoption_counts_add(array_agg(organization_id), array_agg(release_id), array_agg(draft_id), array_agg(status), array_agg(created_at), array_agg(-1))
        from old_rows;
    else
        perform adoption_counts_add(array_agg(organization_id), array_agg(release_id), array_agg(draft_id), array_agg(status), array_agg(created_at), array_agg(delta))
        from (select organization_id, release_id, draft_id, status, created_at, 1 as delta from new_rows
              union all
              select organization_id, release_id, draft_id, status, created_at, -1 from old_rows) x;
    end if;
    return null;
end $$;


--
-- Name: adoption_counts_organization_moved(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.adoption_counts_organization_moved() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    insert into adoption_counts (land_code, release_id, draft_id, adopters, live)
    select k.land_code, a.release_id, a.draft_id, sum(k.delta), coalesce(sum(k.delta) filter (where a.status = 'live'), 0)
    from adoptions a cross join (values (old.land_code, -1), (new.land_code, 1)) k(land_code, delta)
    where a.organization_id = new.id and a.status <> 'dropped'
    group by 1, 2, 3
    order by 1, 2
    on conflict (land_code, release_id) do update
        set adopters = adoption_counts.adopters + excluded.adopters, live = adoption_counts.live + excluded.live;
    insert into adoption_month_counts (land_code, month, adoptions)
    select k.land_code, date_trunc('month', a.created_at at time zone 'Europe/Berlin')::date, sum(k.delta)
    from adoptions a cross join (values (old.land_code, -1), (new.land_code, 1)) k(land_code, delta)
    where a.organization_id = new.id
    group by 1, 2
    order by 1, 2
    on conflict (land_code, month) do update set adoptions = adoption_month_counts.adoptions + excluded.adoptions;
    return null;
end $$;


--
-- Name: adoption_counts_rebuild(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.adoption_counts_rebuild() RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    delete from adoption_counts;
    delete from adoption_month_counts;
    insert into adoption_counts (land_code, release_id, draft_id, adopters, live)
    select o.land_code, a.release_id, a.draft_id, count(*), count(*) filter (where a.status = 'live')
    from adoptions a join organizations o on o.id = a.organization_id
    where a.status <> 'dropped'
    group by 1, 2, 3;
    insert into adoption_month_counts (land_code, month, adoptions)
    select o.land_code, date_trunc('month', a.created_at at time zone 'Europe/Berlin')::date, count(*)
    from adoptions a join organizations o on o.id = a.organization_id
    group by 1, 2;
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: audit_events; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.audit_events (
    id uuid NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    actor_user_id uuid,
    acting_organization_id uuid,
    entity_type text NOT NULL,
    entity_id uuid NOT NULL,
    action text NOT NULL,
    before jsonb,
    after jsonb,
    seq bigint,
    prev_hash bytea,
    hash bytea
);


--
-- Name: audit_event_canonical(public.audit_events); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_event_canonical(e public.audit_events) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$
    select jsonb_build_array(e.seq, e.id, (extract(epoch from e.occurred_at) * 1000000)::bigint, e.actor_user_id, e.acting_organization_id,
                             e.entity_type, e.entity_id, e.action, e.before, e.after)::text
$$;


--
-- Name: audit_events_append_only(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_events_append_only() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if tg_op = 'UPDATE' and pg_trigger_depth() > 1 and old.seq is null and new.seq is not null
       and (new.id, new.occurred_at, new.actor_user_id, new.acting_organization_id, new.entity_type, new.entity_id, new.action, new.before, new.after)
           is not distinct from (old.id, old.occurred_at, old.actor_user_id, old.acting_organization_id, old.entity_type, old.entity_id, old.action, old.before, old.after) then
        return new;
    end if;
    raise exception 'audit_events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end
$$;


--
-- Name: audit_events_chain(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_events_chain() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
declare
    last_seq bigint;
    last_hash bytea;
    e audit_events;
begin
    e := new;
    if e.seq is not null then
        return null; -- an event that came with its link (a restore, the benchmark's seed)
    end if;
    perform pg_advisory_xact_lock(7315202613);
    select seq, hash into last_seq, last_hash from audit_events where seq is not null order by seq desc limit 1;
    e.seq := coalesce(last_seq, 0) + 1;
    e.prev_hash := coalesce(last_hash, decode(repeat('00', 32), 'hex'));
    e.hash := sha256(e.prev_hash || convert_to(audit_event_canonical(e), 'UTF8'));
    update audit_events set seq = e.seq, prev_hash = e.prev_hash, hash = e.hash where id = e.id;
    return null;
end
$$;


--
-- Name: audit_events_draft_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.audit_events_draft_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if new.entity_type = 'draft' then
        perform hub_draft_changed(new.entity_id);
    elsif new.entity_type = 'release' then
        perform hub_draft_changed(rl.draft_id) from releases rl where rl.id = new.entity_id;
    end if;
    return null;
end $$;


--
-- Name: catalog_services_municipal_refresh(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.catalog_services_municipal_refresh() RETURNS integer
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $_$
    with fresh as (
        select s.ozg_id, exists (select 1 from catalog_leika k where k.ozg_id = s.ozg_id and k.leika_typ ~ '(^|, )(4|5|6)($|,)') as municipal
        from catalog_services s),
    changed as (
        update catalog_services s set municipal = f.municipal from fresh f
        where f.ozg_id = s.ozg_id and s.municipal <> f.municipal returning 1)
    select count(*)::int from changed;
$_$;


--
-- Name: check_cooperation_lead_is_member(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.check_cooperation_lead_is_member() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if not exists (
        select 1 from cooperation_members m
        where m.cooperation_id = new.id and m.organization_id = new.lead_organization_id) then
        raise exception 'lead organization % is not a member of cooperation %', new.lead_organization_id, new.id
            using errcode = '23514';
    end if;
    return null;
end $$;


--
-- Name: cooperation_members_draft_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cooperation_members_draft_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform hub_cooperation_drafts_changed(case when tg_op = 'DELETE' then old.cooperation_id else new.cooperation_id end);
    return null;
end $$;


--
-- Name: cooperations_draft_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.cooperations_draft_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform hub_cooperation_drafts_changed(new.id);
    return null;
end $$;


--
-- Name: drafts_change_seq(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.drafts_change_seq() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    if new.change_seq = old.change_seq then
        new.change_seq := old.change_seq + 1;
    end if;
    return new;
end $$;


--
-- Name: drafts_owner_land(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.drafts_owner_land() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    new.owner_land_code := (select land_code from organizations where id = new.owner_organization_id);
    return new;
end $$;


--
-- Name: drafts_owner_land_moved(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.drafts_owner_land_moved() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    update drafts set owner_land_code = new.land_code where owner_organization_id = new.id;
    return null;
end $$;


--
-- Name: hub_adoption_figures(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_adoption_figures(p_draft_id uuid, OUT adopters integer, OUT live integer) RETURNS record
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    select count(*) filter (where status <> 'dropped')::int, count(*) filter (where status = 'live')::int
    into adopters, live
    from adoptions where draft_id = p_draft_id;
end $$;


--
-- Name: hub_cache(text, text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_cache(p_fact text, p_value text) RETURNS void
    LANGUAGE sql
    AS $$ select set_config('hub.cache.' || p_fact, coalesce(current_setting('hub.user_id', true), '') || '|' || p_value, true) $$;


--
-- Name: hub_cached(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_cached(p_fact text) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: hub_child_draft_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_child_draft_changed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform hub_draft_changed(case when tg_op = 'DELETE' then old.draft_id else new.draft_id end);
    return null;
end $$;


--
-- Name: hub_cooperation_drafts_changed(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_cooperation_drafts_changed(p_cooperation_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    update drafts set change_seq = change_seq + 1
    where id in (select id from drafts where cooperation_id = p_cooperation_id order by id for update)
$$;


--
-- Name: hub_draft_changed(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_draft_changed(p_draft_id uuid) RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$ update drafts set change_seq = change_seq + 1 where id = p_draft_id $$;


--
-- Name: hub_draft_writable(uuid); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_draft_writable(p_draft_id uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$ select exists (select 1 from drafts d where d.id = p_draft_id and d.cooperation_id = any (hub_my_cooperations())) $$;


--
-- Name: hub_forget_facts(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_forget_facts() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    perform set_config('hub.cache.' || fact, '', true)
    from unnest(array['my_organizations', 'my_cooperations', 'my_partner_organizations', 'my_lands', 'is_platform_admin']) fact;
    return null;
end $$;


--
-- Name: hub_fresh_is_platform_admin(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_fresh_is_platform_admin() RETURNS boolean
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    return coalesce((select is_platform_admin and disabled_at is null from users where id = hub_user_id()), false);
end $$;


--
-- Name: hub_fresh_my_cooperations(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_fresh_my_cooperations() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    return (select coalesce(array_agg(distinct cooperation_id), '{}') from (
        select cm.cooperation_id from cooperation_members cm join memberships m on m.organization_id = cm.organization_id
        where m.user_id = hub_user_id()
        union all
        select cooperation_id from cooperation_coordinators where user_id = hub_user_id()) x);
end $$;


--
-- Name: hub_fresh_my_lands(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_fresh_my_lands() RETURNS text[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    return (select coalesce(array_agg(land_code), '{}') from observers where user_id = hub_user_id());
end $$;


--
-- Name: hub_fresh_my_organizations(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_fresh_my_organizations() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    return (select coalesce(array_agg(organization_id), '{}') from memberships where user_id = hub_user_id());
end $$;


--
-- Name: hub_fresh_my_partner_organizations(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_fresh_my_partner_organizations() RETURNS uuid[]
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    return (select coalesce(array_agg(distinct organization_id), '{}') from (
        select organization_id from memberships where user_id = hub_user_id()
        union all
        select other.organization_id from memberships m
        join cooperation_members mine on mine.organization_id = m.organization_id
        join cooperation_members other on other.cooperation_id = mine.cooperation_id
        where m.user_id = hub_user_id()) x);
end $$;


--
-- Name: hub_is_platform_admin(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_is_platform_admin() RETURNS boolean
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: hub_my_cooperations(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_my_cooperations() RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: hub_my_lands(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_my_lands() RETURNS text[]
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: hub_my_organizations(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_my_organizations() RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: hub_my_partner_organizations(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_my_partner_organizations() RETURNS uuid[]
    LANGUAGE plpgsql STABLE
    AS $$
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


--
-- Name: hub_snippet_source(text, tsquery); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_snippet_source(doc text, query tsquery) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $_$
    select case when length(doc) <= 700 then doc
                when at <= 230 then left(doc, 700)
                else regexp_replace(substr(doc, at - 230, 700), '^[^[:space:]]*[[:space:]]+', '') end
    from (select coalesce(nullif(regexp_instr(doc, '(^|[[:space:][:punct:]])(' || string_agg(regexp_replace(m[1], '([^[:alnum:]])', '\\\1', 'g'), '|')
                                                   || ')[^[:space:][:punct:]]{0,5}([[:space:][:punct:]]|$)',
                                              1, 1, 0, 'i'), 0), 1) as at
          from regexp_matches(query::text, '''((?:[^'']|'''')+)''', 'g') m) w
$_$;


--
-- Name: hub_user_id(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.hub_user_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ select nullif(current_setting('hub.user_id', true), '')::uuid $$;


--
-- Name: organization_status_add(uuid[], text[], boolean[], text[], integer[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.organization_status_add(orgs uuid[], ozgs text[], responsibles boolean[], statuses text[], deltas integer[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    insert into organization_status_counts as c (organization_id, responsible, on_municipal, live, in_progress, no_solution)
    select x.organization_id,
           coalesce(sum(x.delta) filter (where x.responsible), 0),
           coalesce(sum(x.delta) filter (where s.municipal), 0),
           coalesce(sum(x.delta) filter (where x.status = 'live'), 0),
           coalesce(sum(x.delta) filter (where x.status = 'in_progress'), 0),
           coalesce(sum(x.delta) filter (where x.status = 'no_solution'), 0)
    from unnest(orgs, ozgs, responsibles, statuses, deltas) as x (organization_id, ozg_id, responsible, status, delta)
    join catalog_services s on s.ozg_id = x.ozg_id
    group by 1
    order by 1
    on conflict (organization_id) do update set
        responsible = c.responsible + excluded.responsible, on_municipal = c.on_municipal + excluded.on_municipal,
        live = c.live + excluded.live, in_progress = c.in_progress + excluded.in_progress, no_solution = c.no_solution + excluded.no_solution;
end $$;


--
-- Name: organization_status_catalogue_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.organization_status_catalogue_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
declare
    changed boolean := true;
begin
    -- Dynamic: a statement naming a transition table is only planned for the triggers that have it.
    if tg_op in ('INSERT', 'UPDATE') then
        execute 'select exists (select 1 from new_rows)' into changed;
    elsif tg_op = 'DELETE' then
        execute 'select exists (select 1 from old_rows)' into changed;
    end if;
    if changed and catalog_services_municipal_refresh() > 0 then
        perform organization_status_rebuild();
    end if;
    return null;
end $$;


--
-- Name: organization_status_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.organization_status_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    if tg_op = 'TRUNCATE' then
        delete from organization_status_counts;
    elsif tg_op = 'INSERT' then
        perform organization_status_add(array_agg(organization_id), array_agg(ozg_id), array_agg(responsible), array_agg(status), array_agg(1)) from new_rows;
    elsif tg_op = 'DELETE' then
        perform organization_status_add(array_agg(organization_id), array_agg(ozg_id), array_agg(responsible), array_agg(status), array_agg(-1)) from old_rows;
    else
        perform organization_status_add(array_agg(organization_id), array_agg(ozg_id), array_agg(responsible), array_agg(status), array_agg(delta))
        from (select organization_id, ozg_id, responsible, status, 1 as delta from new_rows
              union all
              select organization_id, ozg_id, responsible, status, -1 from old_rows) x;
    end if;
    return null;
end $$;


--
-- Name: organization_status_rebuild(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.organization_status_rebuild() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    lock table implementation_status in share mode;
    lock table organization_status_counts in exclusive mode;
    delete from organization_status_counts;
    insert into organization_status_counts (organization_id, responsible, on_municipal, live, in_progress, no_solution)
    select i.organization_id, count(*) filter (where i.responsible), count(*) filter (where ms.municipal),
           count(*) filter (where i.status = 'live'), count(*) filter (where i.status = 'in_progress'),
           count(*) filter (where i.status = 'no_solution')
    from implementation_status i join catalog_municipal_services ms on ms.ozg_id = i.ozg_id
    group by 1;
end $$;


--
-- Name: progress_live_add(uuid[], text[], integer[]); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.progress_live_add(orgs uuid[], ozgs text[], deltas integer[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    if orgs is null then
        return;
    end if;
    perform 1 from organizations where id = any (orgs) order by id for share;
    insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
    select o.land_code, coalesce(o.kreis_code, ''), c.ozg_id, sum(c.delta)
    from unnest(orgs, ozgs, deltas) as c (organization_id, ozg_id, delta)
    join organizations o on o.id = c.organization_id and progress_live_municipal(o.kind)
    group by 1, 2, 3
    having sum(c.delta) <> 0
    order by 1, 2, 3
    on conflict (land_code, kreis_code, ozg_id) do update set live = progress_live_counts.live + excluded.live;
end $$;


--
-- Name: progress_live_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.progress_live_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    if tg_op = 'TRUNCATE' then
        delete from progress_live_counts;
    elsif tg_op = 'INSERT' then
        perform progress_live_add(array_agg(organization_id), array_agg(ozg_id), array_agg(1)) from new_rows where status = 'live';
    elsif tg_op = 'DELETE' then
        perform progress_live_add(array_agg(organization_id), array_agg(ozg_id), array_agg(-1)) from old_rows where status = 'live';
    else
        perform progress_live_add(array_agg(organization_id), array_agg(ozg_id), array_agg(delta))
        from (select organization_id, ozg_id, 1 as delta from new_rows where status = 'live'
              union all
              select organization_id, ozg_id, -1 from old_rows where status = 'live') x;
    end if;
    return null;
end $$;


--
-- Name: progress_live_municipal(text); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.progress_live_municipal(kind text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ select kind in ('gemeinde', 'stadt', 'sonderstatusstadt', 'kreisfreie_stadt') $$;


--
-- Name: progress_live_organization_moved(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.progress_live_organization_moved() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
begin
    insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
    select k.land_code, k.kreis_code, i.ozg_id, sum(k.delta)
    from implementation_status i
    cross join (values (old.land_code, coalesce(old.kreis_code, ''), -1, progress_live_municipal(old.kind)),
                       (new.land_code, coalesce(new.kreis_code, ''), 1, progress_live_municipal(new.kind))) k(land_code, kreis_code, delta, counted)
    where i.organization_id = new.id and i.status = 'live' and k.counted
    group by 1, 2, 3
    having sum(k.delta) <> 0
    order by 1, 2, 3
    on conflict (land_code, kreis_code, ozg_id) do update set live = progress_live_counts.live + excluded.live;
    return null;
end $$;


--
-- Name: progress_live_rebuild(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.progress_live_rebuild() RETURNS void
    LANGUAGE sql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
    delete from progress_live_counts;
    insert into progress_live_counts (land_code, kreis_code, ozg_id, live)
    select o.land_code, coalesce(o.kreis_code, ''), i.ozg_id, count(*)
    from implementation_status i join organizations o on o.id = i.organization_id and progress_live_municipal(o.kind)
    where i.status = 'live'
    group by 1, 2, 3;
$$;


--
-- Name: releases_current_changed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.releases_current_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path TO 'public', 'pg_temp'
    AS $$
declare
    newest constant uuid := (select n.id from releases n where n.draft_id = new.draft_id and n.status = 'active'
                             order by n.major desc, n.minor desc limit 1);
begin
    update releases set is_current = false where draft_id = new.draft_id and is_current and id is distinct from newest;
    update releases set is_current = true where id = newest and not is_current;
    return null;
end $$;


--
-- Name: releases_search(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.releases_search() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
begin
    select setweight(to_tsvector('german', new.title), 'A')
           || setweight(to_tsvector('german', coalesce(r.summary, '')), 'B')
           || setweight(to_tsvector('german', r.body || ' ' || new.notes), 'C'),
           setweight(to_tsvector('german', new.title), 'A')
           || setweight(to_tsvector('german', coalesce(r.summary, '')), 'B')
      into new.search, new.search_head
      from draft_revisions r
     where r.draft_id = new.draft_id and r.revision = new.revision;
    return new;
end
$$;


--
-- Name: adoption_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.adoption_counts (
    land_code text NOT NULL,
    release_id uuid NOT NULL,
    draft_id uuid NOT NULL,
    adopters integer NOT NULL,
    live integer NOT NULL
);


--
-- Name: adoption_month_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.adoption_month_counts (
    land_code text NOT NULL,
    month date NOT NULL,
    adoptions integer NOT NULL
);


--
-- Name: adoptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.adoptions (
    id uuid NOT NULL,
    organization_id uuid NOT NULL,
    draft_id uuid NOT NULL,
    release_id uuid NOT NULL,
    status text NOT NULL,
    planned_for date,
    live_since date,
    notes text DEFAULT ''::text NOT NULL,
    notes_html text DEFAULT ''::text NOT NULL,
    row_version integer DEFAULT 1 NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_adoptions_live_since CHECK (((status <> 'live'::text) OR (live_since IS NOT NULL))),
    CONSTRAINT ck_adoptions_notes CHECK ((length(notes) <= 20000)),
    CONSTRAINT ck_adoptions_status CHECK ((status = ANY (ARRAY['planned'::text, 'in_progress'::text, 'live'::text, 'dropped'::text])))
);


--
-- Name: api_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_tokens (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    token_hash bytea NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone
);


--
-- Name: catalog_lebenslagen; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_lebenslagen (
    id integer NOT NULL,
    themenfeld_id integer NOT NULL,
    name text NOT NULL,
    CONSTRAINT ck_catalog_lebenslagen_name CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);


--
-- Name: catalog_leika; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_leika (
    id bigint NOT NULL,
    leika_key text,
    name text NOT NULL,
    ozg_id text NOT NULL,
    leika_typ text DEFAULT ''::text NOT NULL,
    sdg_relevant boolean DEFAULT false NOT NULL,
    CONSTRAINT ck_catalog_leika_key CHECK (((leika_key IS NULL) OR (leika_key ~ '^[0-9]{14}$'::text))),
    CONSTRAINT ck_catalog_leika_name CHECK (((length(name) >= 1) AND (length(name) <= 500))),
    CONSTRAINT ck_catalog_leika_typ CHECK ((length(leika_typ) <= 20))
);


--
-- Name: catalog_leika_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.catalog_leika ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.catalog_leika_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: catalog_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_services (
    ozg_id text NOT NULL,
    name text NOT NULL,
    lebenslage_id integer,
    themenfeld_id integer NOT NULL,
    search tsvector GENERATED ALWAYS AS (to_tsvector('german'::regconfig, ((ozg_id || ' '::text) || name))) STORED,
    municipal boolean DEFAULT false NOT NULL,
    CONSTRAINT ck_catalog_services_name CHECK (((length(name) >= 1) AND (length(name) <= 500))),
    CONSTRAINT ck_catalog_services_ozg_id CHECK ((ozg_id ~ '^[0-9]{5}$'::text))
);


--
-- Name: catalog_municipal_services; Type: VIEW; Schema: public; Owner: -
--

CREATE VIEW public.catalog_municipal_services WITH (security_invoker='true') AS
 SELECT catalog_services.ozg_id,
    catalog_services.municipal
   FROM public.catalog_services;


--
-- Name: catalog_themenfelder; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.catalog_themenfelder (
    id integer NOT NULL,
    name text NOT NULL,
    CONSTRAINT ck_catalog_themenfelder_name CHECK (((length(name) >= 1) AND (length(name) <= 200)))
);


--
-- Name: comments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.comments (
    id uuid NOT NULL,
    draft_id uuid NOT NULL,
    revision integer,
    anchor text,
    parent_id uuid,
    author_user_id uuid NOT NULL,
    body text NOT NULL,
    body_html text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    resolved_at timestamp with time zone,
    resolved_by uuid,
    organization_id uuid,
    CONSTRAINT ck_comments_anchor CHECK (((anchor IS NULL) OR (length(anchor) <= 200))),
    CONSTRAINT ck_comments_body CHECK (((length(body) >= 1) AND (length(body) <= 20000)))
);


--
-- Name: cooperation_coordinators; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cooperation_coordinators (
    cooperation_id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: cooperation_members; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cooperation_members (
    cooperation_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    joined_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: cooperations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.cooperations (
    id uuid NOT NULL,
    name text NOT NULL,
    description text,
    lead_organization_id uuid NOT NULL,
    funding_amount numeric(14,2),
    funder text,
    agreement_date date,
    required_approvals integer DEFAULT 2 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_cooperations_description CHECK (((description IS NULL) OR (length(description) <= 20000))),
    CONSTRAINT ck_cooperations_funder CHECK (((funder IS NULL) OR (length(funder) <= 200))),
    CONSTRAINT ck_cooperations_funding CHECK (((funding_amount IS NULL) OR (funding_amount >= (0)::numeric))),
    CONSTRAINT ck_cooperations_name CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT ck_cooperations_required_approvals CHECK ((required_approvals >= 1))
);


--
-- Name: data_protection_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.data_protection_keys (
    id bigint NOT NULL,
    friendly_name text NOT NULL,
    xml text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: data_protection_keys_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.data_protection_keys ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.data_protection_keys_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: draft_catalog_services; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.draft_catalog_services (
    draft_id uuid NOT NULL,
    ozg_id text NOT NULL,
    CONSTRAINT ck_draft_catalog_services_ozg_id CHECK ((ozg_id ~ '^[0-9]{5}$'::text))
);


--
-- Name: draft_revisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.draft_revisions (
    draft_id uuid NOT NULL,
    revision integer NOT NULL,
    title text NOT NULL,
    summary text,
    body text NOT NULL,
    body_html text NOT NULL,
    steckbrief jsonb DEFAULT '{}'::jsonb NOT NULL,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_draft_revisions_body CHECK ((length(body) <= 200000)),
    CONSTRAINT ck_draft_revisions_title CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);


--
-- Name: drafts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.drafts (
    id uuid NOT NULL,
    owner_organization_id uuid NOT NULL,
    cooperation_id uuid NOT NULL,
    status text NOT NULL,
    current_revision integer NOT NULL,
    title text NOT NULL,
    summary text,
    open_round_id uuid,
    created_by uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    owner_land_code text NOT NULL,
    change_seq bigint DEFAULT 0 NOT NULL,
    CONSTRAINT ck_drafts_current_revision CHECK ((current_revision >= 1)),
    CONSTRAINT ck_drafts_status CHECK ((status = ANY (ARRAY['draft'::text, 'in_review'::text, 'changes_requested'::text, 'approved'::text, 'released'::text, 'withdrawn'::text]))),
    CONSTRAINT ck_drafts_title CHECK (((length(title) >= 1) AND (length(title) <= 200)))
);


--
-- Name: idempotency_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_keys (
    user_id uuid NOT NULL,
    key text NOT NULL,
    method text NOT NULL,
    path text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    committed_at timestamp with time zone,
    status_code integer,
    location text,
    content_type text,
    body text,
    request_hash text,
    CONSTRAINT ck_idempotency_keys_key CHECK (((length(key) >= 8) AND (length(key) <= 200)))
);


--
-- Name: implementation_status; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.implementation_status (
    organization_id uuid NOT NULL,
    ozg_id text NOT NULL,
    responsible boolean NOT NULL,
    status text NOT NULL,
    reifegrad smallint,
    reason text,
    adoption_id uuid,
    draft_id uuid,
    row_version integer DEFAULT 1 NOT NULL,
    updated_by uuid,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_implementation_status_reason CHECK (((status <> 'not_relevant'::text) OR ((length(COALESCE(reason, ''::text)) >= 1) AND (length(COALESCE(reason, ''::text)) <= 2000)))),
    CONSTRAINT ck_implementation_status_reifegrad CHECK (((reifegrad IS NULL) OR ((reifegrad >= 0) AND (reifegrad <= 4)))),
    CONSTRAINT ck_implementation_status_status CHECK ((status = ANY (ARRAY['not_started'::text, 'planned'::text, 'in_progress'::text, 'live'::text, 'no_solution'::text, 'not_relevant'::text])))
);


--
-- Name: memberships; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.memberships (
    organization_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_memberships_role CHECK ((role = ANY (ARRAY['editor'::text, 'reviewer'::text, 'admin'::text])))
);


--
-- Name: notifications; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.notifications (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    kind text NOT NULL,
    draft_id uuid,
    subject text NOT NULL,
    revision integer,
    version text,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    comment_id uuid,
    CONSTRAINT ck_notifications_kind CHECK ((kind = ANY (ARRAY['review_requested'::text, 'approved'::text, 'changes_requested'::text, 'released'::text, 'commented'::text, 'replied'::text, 'release_deprecated'::text, 'release_withdrawn'::text, 'update_available'::text])))
);


--
-- Name: observers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.observers (
    user_id uuid NOT NULL,
    land_code text NOT NULL,
    organization_id uuid,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT ck_observers_land_code CHECK ((land_code ~ '^(0[1-9]|1[0-6])$'::text))
);


--
-- Name: organization_status_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organization_status_counts (
    organization_id uuid NOT NULL,
    responsible integer NOT NULL,
    on_municipal integer NOT NULL,
    live integer NOT NULL,
    in_progress integer NOT NULL,
    no_solution integer NOT NULL
);


--
-- Name: organizations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.organizations (
    id uuid NOT NULL,
    name text NOT NULL,
    kind text NOT NULL,
    ags text,
    land_code text NOT NULL,
    kreis text,
    description text,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    ars text,
    population integer,
    kreis_code text,
    CONSTRAINT ck_organizations_ags CHECK (((ags IS NULL) OR (ags ~ '^[0-9]{8}$'::text))),
    CONSTRAINT ck_organizations_ars CHECK (((ars IS NULL) OR (ars ~ '^[0-9]{12}$'::text))),
    CONSTRAINT ck_organizations_description CHECK (((description IS NULL) OR (length(description) <= 20000))),
    CONSTRAINT ck_organizations_kind CHECK ((kind = ANY (ARRAY['gemeinde'::text, 'stadt'::text, 'sonderstatusstadt'::text, 'kreisfreie_stadt'::text, 'landkreis'::text, 'regionalverband'::text, 'ministerium'::text]))),
    CONSTRAINT ck_organizations_kreis CHECK (((kreis IS NULL) OR (length(kreis) <= 200))),
    CONSTRAINT ck_organizations_kreis_code CHECK (((kreis_code IS NULL) OR (kreis_code ~ '^[0-9]{5}$'::text))),
    CONSTRAINT ck_organizations_land_code CHECK ((land_code ~ '^(0[1-9]|1[0-6])$'::text)),
    CONSTRAINT ck_organizations_name CHECK (((length(name) >= 1) AND (length(name) <= 200))),
    CONSTRAINT ck_organizations_population CHECK (((population IS NULL) OR (population >= 0)))
);


--
-- Name: progress_live_counts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.progress_live_counts (
    land_code text NOT NULL,
    kreis_code text NOT NULL,
    ozg_id text NOT NULL,
    live integer NOT NULL
);


--
-- Name: releases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.releases (
    id uuid NOT NULL,
    draft_id uuid NOT NULL,
    revision integer NOT NULL,
    major integer NOT NULL,
    minor integer NOT NULL,
    breaking boolean NOT NULL,
    notes text DEFAULT ''::text NOT NULL,
    notes_html text DEFAULT ''::text NOT NULL,
    title text NOT NULL,
    released_by uuid NOT NULL,
    released_at timestamp with time zone NOT NULL,
    status text DEFAULT 'active'::text NOT NULL,
    status_reason text,
    successor_release_id uuid,
    status_changed_at timestamp with time zone,
    status_changed_by uuid,
    search tsvector,
    owner_organization_id uuid NOT NULL,
    cooperation_id uuid NOT NULL,
    search_head tsvector,
    is_current boolean DEFAULT false NOT NULL,
    CONSTRAINT ck_releases_reason CHECK (((status = 'active'::text) = (status_reason IS NULL))),
    CONSTRAINT ck_releases_status CHECK ((status = ANY (ARRAY['active'::text, 'deprecated'::text, 'withdrawn'::text])))
);


--
-- Name: review_rounds; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.review_rounds (
    id uuid NOT NULL,
    draft_id uuid NOT NULL,
    revision integer NOT NULL,
    opened_by uuid NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    outcome text,
    CONSTRAINT ck_review_rounds_outcome CHECK (((outcome IS NULL) OR (outcome = ANY (ARRAY['approved'::text, 'changes_requested'::text, 'recalled'::text, 'withdrawn'::text]))))
);


--
-- Name: reviews; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.reviews (
    id uuid NOT NULL,
    round_id uuid NOT NULL,
    draft_id uuid NOT NULL,
    revision integer NOT NULL,
    organization_id uuid NOT NULL,
    reviewer_user_id uuid NOT NULL,
    verdict text NOT NULL,
    body text DEFAULT ''::text NOT NULL,
    body_html text DEFAULT ''::text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT ck_reviews_body CHECK ((length(body) <= 50000)),
    CONSTRAINT ck_reviews_verdict CHECK ((verdict = ANY (ARRAY['approve'::text, 'request_changes'::text, 'comment'::text])))
);


--
-- Name: schema_migrations; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_migrations (
    version integer NOT NULL,
    file_name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: schema_repeatables; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.schema_repeatables (
    file_name text NOT NULL,
    checksum text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: sessions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sessions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    last_seen_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    end_reason text,
    CONSTRAINT ck_sessions_end_reason CHECK (((end_reason IS NULL) OR (end_reason = ANY (ARRAY['signed_out'::text, 'password_changed'::text, 'account_disabled'::text, 'expired'::text]))))
);


--
-- Name: users; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.users (
    id uuid NOT NULL,
    email text NOT NULL,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    is_platform_admin boolean DEFAULT false NOT NULL,
    disabled_at timestamp with time zone,
    failed_sign_ins integer DEFAULT 0 NOT NULL,
    locked_until timestamp with time zone,
    last_sign_in_at timestamp with time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    password_changed_at timestamp with time zone,
    CONSTRAINT ck_users_display_name CHECK (((length(display_name) >= 1) AND (length(display_name) <= 200))),
    CONSTRAINT ck_users_email CHECK (((email = lower(email)) AND ((length(email) >= 3) AND (length(email) <= 254))))
);


--
-- Name: adoption_counts pk_adoption_counts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoption_counts
    ADD CONSTRAINT pk_adoption_counts PRIMARY KEY (land_code, release_id);


--
-- Name: adoption_month_counts pk_adoption_month_counts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoption_month_counts
    ADD CONSTRAINT pk_adoption_month_counts PRIMARY KEY (land_code, month);


--
-- Name: adoptions pk_adoptions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoptions
    ADD CONSTRAINT pk_adoptions PRIMARY KEY (id);


--
-- Name: api_tokens pk_api_tokens; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT pk_api_tokens PRIMARY KEY (id);


--
-- Name: audit_events pk_audit_events; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT pk_audit_events PRIMARY KEY (id);


--
-- Name: catalog_lebenslagen pk_catalog_lebenslagen; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_lebenslagen
    ADD CONSTRAINT pk_catalog_lebenslagen PRIMARY KEY (id);


--
-- Name: catalog_leika pk_catalog_leika; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_leika
    ADD CONSTRAINT pk_catalog_leika PRIMARY KEY (id);


--
-- Name: catalog_services pk_catalog_services; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_services
    ADD CONSTRAINT pk_catalog_services PRIMARY KEY (ozg_id);


--
-- Name: catalog_themenfelder pk_catalog_themenfelder; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_themenfelder
    ADD CONSTRAINT pk_catalog_themenfelder PRIMARY KEY (id);


--
-- Name: comments pk_comments; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT pk_comments PRIMARY KEY (id);


--
-- Name: cooperation_coordinators pk_cooperation_coordinators; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperation_coordinators
    ADD CONSTRAINT pk_cooperation_coordinators PRIMARY KEY (cooperation_id, user_id);


--
-- Name: cooperation_members pk_cooperation_members; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperation_members
    ADD CONSTRAINT pk_cooperation_members PRIMARY KEY (cooperation_id, organization_id);


--
-- Name: cooperations pk_cooperations; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperations
    ADD CONSTRAINT pk_cooperations PRIMARY KEY (id);


--
-- Name: data_protection_keys pk_data_protection_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.data_protection_keys
    ADD CONSTRAINT pk_data_protection_keys PRIMARY KEY (id);


--
-- Name: draft_catalog_services pk_draft_catalog_services; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.draft_catalog_services
    ADD CONSTRAINT pk_draft_catalog_services PRIMARY KEY (draft_id, ozg_id);


--
-- Name: draft_revisions pk_draft_revisions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.draft_revisions
    ADD CONSTRAINT pk_draft_revisions PRIMARY KEY (draft_id, revision);


--
-- Name: drafts pk_drafts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.drafts
    ADD CONSTRAINT pk_drafts PRIMARY KEY (id);


--
-- Name: idempotency_keys pk_idempotency_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT pk_idempotency_keys PRIMARY KEY (user_id, key);


--
-- Name: implementation_status pk_implementation_status; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.implementation_status
    ADD CONSTRAINT pk_implementation_status PRIMARY KEY (organization_id, ozg_id);


--
-- Name: memberships pk_memberships; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT pk_memberships PRIMARY KEY (organization_id, user_id);


--
-- Name: notifications pk_notifications; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT pk_notifications PRIMARY KEY (id);


--
-- Name: observers pk_observers; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.observers
    ADD CONSTRAINT pk_observers PRIMARY KEY (user_id, land_code);


--
-- Name: organization_status_counts pk_organization_status_counts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_status_counts
    ADD CONSTRAINT pk_organization_status_counts PRIMARY KEY (organization_id);


--
-- Name: organizations pk_organizations; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organizations
    ADD CONSTRAINT pk_organizations PRIMARY KEY (id);


--
-- Name: progress_live_counts pk_progress_live_counts; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.progress_live_counts
    ADD CONSTRAINT pk_progress_live_counts PRIMARY KEY (land_code, kreis_code, ozg_id);


--
-- Name: releases pk_releases; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT pk_releases PRIMARY KEY (id);


--
-- Name: review_rounds pk_review_rounds; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_rounds
    ADD CONSTRAINT pk_review_rounds PRIMARY KEY (id);


--
-- Name: reviews pk_reviews; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT pk_reviews PRIMARY KEY (id);


--
-- Name: schema_migrations pk_schema_migrations; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_migrations
    ADD CONSTRAINT pk_schema_migrations PRIMARY KEY (version);


--
-- Name: schema_repeatables pk_schema_repeatables; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.schema_repeatables
    ADD CONSTRAINT pk_schema_repeatables PRIMARY KEY (file_name);


--
-- Name: sessions pk_sessions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT pk_sessions PRIMARY KEY (id);


--
-- Name: users pk_users; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.users
    ADD CONSTRAINT pk_users PRIMARY KEY (id);


--
-- Name: adoptions uq_adoptions_organization_service; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoptions
    ADD CONSTRAINT uq_adoptions_organization_service UNIQUE (organization_id, draft_id);


--
-- Name: api_tokens uq_api_tokens_hash; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT uq_api_tokens_hash UNIQUE (token_hash);


--
-- Name: audit_events uq_audit_events_seq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.audit_events
    ADD CONSTRAINT uq_audit_events_seq UNIQUE (seq);


--
-- Name: data_protection_keys uq_data_protection_keys_friendly_name; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.data_protection_keys
    ADD CONSTRAINT uq_data_protection_keys_friendly_name UNIQUE (friendly_name);


--
-- Name: releases uq_releases_version; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT uq_releases_version UNIQUE (draft_id, major, minor);


--
-- Name: ix_adoption_counts_draft; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_adoption_counts_draft ON public.adoption_counts USING btree (draft_id);


--
-- Name: ix_adoptions_draft; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_adoptions_draft ON public.adoptions USING btree (draft_id, status);


--
-- Name: ix_adoptions_release; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_adoptions_release ON public.adoptions USING btree (release_id);


--
-- Name: ix_api_tokens_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_api_tokens_user ON public.api_tokens USING btree (user_id);


--
-- Name: ix_audit_events_actor; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_actor ON public.audit_events USING btree (actor_user_id, occurred_at);


--
-- Name: ix_audit_events_entity; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_audit_events_entity ON public.audit_events USING btree (entity_type, entity_id, occurred_at);


--
-- Name: ix_catalog_leika_service; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_catalog_leika_service ON public.catalog_leika USING btree (ozg_id);


--
-- Name: ix_catalog_services_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_catalog_services_search ON public.catalog_services USING gin (search);


--
-- Name: ix_catalog_services_themenfeld; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_catalog_services_themenfeld ON public.catalog_services USING btree (themenfeld_id, name);


--
-- Name: ix_comments_author_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_comments_author_open ON public.comments USING btree (author_user_id, created_at DESC) WHERE ((parent_id IS NULL) AND (resolved_at IS NULL));


--
-- Name: ix_comments_draft; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_comments_draft ON public.comments USING btree (draft_id, created_at);


--
-- Name: ix_comments_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_comments_open ON public.comments USING btree (draft_id) WHERE ((resolved_at IS NULL) AND (parent_id IS NULL));


--
-- Name: ix_comments_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_comments_parent ON public.comments USING btree (parent_id) WHERE (parent_id IS NOT NULL);


--
-- Name: ix_cooperation_coordinators_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cooperation_coordinators_user ON public.cooperation_coordinators USING btree (user_id);


--
-- Name: ix_cooperation_members_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cooperation_members_organization ON public.cooperation_members USING btree (organization_id);


--
-- Name: ix_cooperations_lead; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_cooperations_lead ON public.cooperations USING btree (lead_organization_id);


--
-- Name: ix_draft_catalog_services_ozg; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_draft_catalog_services_ozg ON public.draft_catalog_services USING btree (ozg_id);


--
-- Name: ix_drafts_cooperation_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_drafts_cooperation_status ON public.drafts USING btree (cooperation_id, status, updated_at DESC);


--
-- Name: ix_drafts_owner_land; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_drafts_owner_land ON public.drafts USING btree (owner_land_code);


--
-- Name: ix_drafts_owner_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_drafts_owner_status ON public.drafts USING btree (owner_organization_id, status, updated_at DESC);


--
-- Name: ix_drafts_updated; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_drafts_updated ON public.drafts USING btree (updated_at DESC, id);


--
-- Name: ix_idempotency_keys_created; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_idempotency_keys_created ON public.idempotency_keys USING btree (created_at);


--
-- Name: ix_implementation_status_service; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_implementation_status_service ON public.implementation_status USING btree (ozg_id, status);


--
-- Name: ix_memberships_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_memberships_user ON public.memberships USING btree (user_id);


--
-- Name: ix_notifications_unread; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notifications_unread ON public.notifications USING btree (user_id) WHERE (read_at IS NULL);


--
-- Name: ix_notifications_user; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_notifications_user ON public.notifications USING btree (user_id, created_at DESC);


--
-- Name: ix_organizations_kreis_code; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_organizations_kreis_code ON public.organizations USING btree (kreis_code) WHERE (kreis_code IS NOT NULL);


--
-- Name: ix_organizations_land_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_organizations_land_name ON public.organizations USING btree (land_code, name);


--
-- Name: ix_organizations_name_lower; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_organizations_name_lower ON public.organizations USING btree (lower(name) text_pattern_ops);


--
-- Name: ix_releases_active_service; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_releases_active_service ON public.releases USING btree (draft_id, major DESC, minor DESC) WHERE (status = 'active'::text);


--
-- Name: ix_releases_cooperation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_releases_cooperation ON public.releases USING btree (cooperation_id);


--
-- Name: ix_releases_current_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_releases_current_search ON public.releases USING gin (search) WHERE is_current;


--
-- Name: ix_releases_draft; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_releases_draft ON public.releases USING btree (draft_id, major DESC, minor DESC);


--
-- Name: ix_releases_owner; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_releases_owner ON public.releases USING btree (owner_organization_id);


--
-- Name: ix_releases_released_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_releases_released_at ON public.releases USING btree (released_at DESC);


--
-- Name: ix_releases_search; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_releases_search ON public.releases USING gin (search);


--
-- Name: ix_review_rounds_draft; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_review_rounds_draft ON public.review_rounds USING btree (draft_id, opened_at);


--
-- Name: ix_reviews_draft; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reviews_draft ON public.reviews USING btree (draft_id, created_at);


--
-- Name: ix_reviews_round_organization; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reviews_round_organization ON public.reviews USING btree (round_id, organization_id);


--
-- Name: ix_reviews_round_organization_decisive; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_reviews_round_organization_decisive ON public.reviews USING btree (round_id, organization_id) WHERE (verdict = ANY (ARRAY['approve'::text, 'request_changes'::text]));


--
-- Name: ix_sessions_user_open; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_sessions_user_open ON public.sessions USING btree (user_id) WHERE (ended_at IS NULL);


--
-- Name: uq_catalog_leika_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_catalog_leika_key ON public.catalog_leika USING btree (leika_key) WHERE (leika_key IS NOT NULL);


--
-- Name: uq_catalog_leika_unkeyed; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_catalog_leika_unkeyed ON public.catalog_leika USING btree (ozg_id, name) WHERE (leika_key IS NULL);


--
-- Name: uq_organizations_ags; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_organizations_ags ON public.organizations USING btree (ags) WHERE (ags IS NOT NULL);


--
-- Name: uq_reviews_one_approval; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_reviews_one_approval ON public.reviews USING btree (round_id, organization_id) WHERE (verdict = 'approve'::text);


--
-- Name: uq_users_email; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX uq_users_email ON public.users USING btree (email);


--
-- Name: ux_releases_current; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX ux_releases_current ON public.releases USING btree (draft_id) WHERE is_current;


--
-- Name: cooperations ck_cooperations_lead_is_member; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER ck_cooperations_lead_is_member AFTER INSERT OR UPDATE OF lead_organization_id ON public.cooperations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.check_cooperation_lead_is_member();


--
-- Name: adoptions trg_adoptions_counts_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_adoptions_counts_delete AFTER DELETE ON public.adoptions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.adoption_counts_changed();


--
-- Name: adoptions trg_adoptions_counts_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_adoptions_counts_insert AFTER INSERT ON public.adoptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.adoption_counts_changed();


--
-- Name: adoptions trg_adoptions_counts_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_adoptions_counts_truncate AFTER TRUNCATE ON public.adoptions FOR EACH STATEMENT EXECUTE FUNCTION public.adoption_counts_changed();


--
-- Name: adoptions trg_adoptions_counts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_adoptions_counts_update AFTER UPDATE ON public.adoptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.adoption_counts_changed();


--
-- Name: audit_events trg_audit_events_chain; Type: TRIGGER; Schema: public; Owner: -
--

CREATE CONSTRAINT TRIGGER trg_audit_events_chain AFTER INSERT ON public.audit_events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION public.audit_events_chain();


--
-- Name: audit_events trg_audit_events_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_audit_events_draft_changed AFTER INSERT ON public.audit_events FOR EACH ROW WHEN ((new.entity_type = ANY (ARRAY['draft'::text, 'release'::text]))) EXECUTE FUNCTION public.audit_events_draft_changed();


--
-- Name: audit_events trg_audit_events_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_audit_events_no_truncate BEFORE TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION public.audit_events_append_only();


--
-- Name: audit_events trg_audit_events_no_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_audit_events_no_update BEFORE DELETE OR UPDATE ON public.audit_events FOR EACH ROW EXECUTE FUNCTION public.audit_events_append_only();


--
-- Name: catalog_leika trg_catalog_leika_status_counts_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_catalog_leika_status_counts_delete AFTER DELETE ON public.catalog_leika REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_catalogue_changed();


--
-- Name: catalog_leika trg_catalog_leika_status_counts_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_catalog_leika_status_counts_insert AFTER INSERT ON public.catalog_leika REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_catalogue_changed();


--
-- Name: catalog_leika trg_catalog_leika_status_counts_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_catalog_leika_status_counts_truncate AFTER TRUNCATE ON public.catalog_leika FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_catalogue_changed();


--
-- Name: catalog_leika trg_catalog_leika_status_counts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_catalog_leika_status_counts_update AFTER UPDATE ON public.catalog_leika REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_catalogue_changed();


--
-- Name: comments trg_comments_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_comments_draft_changed AFTER INSERT OR DELETE OR UPDATE ON public.comments FOR EACH ROW EXECUTE FUNCTION public.hub_child_draft_changed();


--
-- Name: cooperation_coordinators trg_cooperation_coordinators_forget_facts; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_cooperation_coordinators_forget_facts AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.cooperation_coordinators FOR EACH STATEMENT EXECUTE FUNCTION public.hub_forget_facts();


--
-- Name: cooperation_members trg_cooperation_members_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_cooperation_members_draft_changed AFTER INSERT OR DELETE OR UPDATE ON public.cooperation_members FOR EACH ROW EXECUTE FUNCTION public.cooperation_members_draft_changed();


--
-- Name: cooperation_members trg_cooperation_members_forget_facts; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_cooperation_members_forget_facts AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.cooperation_members FOR EACH STATEMENT EXECUTE FUNCTION public.hub_forget_facts();


--
-- Name: cooperations trg_cooperations_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_cooperations_draft_changed AFTER UPDATE OF name, required_approvals ON public.cooperations FOR EACH ROW EXECUTE FUNCTION public.cooperations_draft_changed();


--
-- Name: draft_catalog_services trg_draft_catalog_services_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_draft_catalog_services_draft_changed AFTER INSERT OR DELETE OR UPDATE ON public.draft_catalog_services FOR EACH ROW EXECUTE FUNCTION public.hub_child_draft_changed();


--
-- Name: draft_revisions trg_draft_revisions_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_draft_revisions_draft_changed AFTER INSERT OR DELETE OR UPDATE ON public.draft_revisions FOR EACH ROW EXECUTE FUNCTION public.hub_child_draft_changed();


--
-- Name: drafts trg_drafts_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_drafts_draft_changed BEFORE UPDATE ON public.drafts FOR EACH ROW EXECUTE FUNCTION public.drafts_change_seq();


--
-- Name: drafts trg_drafts_owner_land; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_drafts_owner_land BEFORE INSERT OR UPDATE OF owner_organization_id ON public.drafts FOR EACH ROW EXECUTE FUNCTION public.drafts_owner_land();


--
-- Name: implementation_status trg_implementation_status_counts_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_counts_delete AFTER DELETE ON public.implementation_status REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_changed();


--
-- Name: implementation_status trg_implementation_status_counts_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_counts_insert AFTER INSERT ON public.implementation_status REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_changed();


--
-- Name: implementation_status trg_implementation_status_counts_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_counts_truncate AFTER TRUNCATE ON public.implementation_status FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_changed();


--
-- Name: implementation_status trg_implementation_status_counts_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_counts_update AFTER UPDATE ON public.implementation_status REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.organization_status_changed();


--
-- Name: implementation_status trg_implementation_status_live_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_live_delete AFTER DELETE ON public.implementation_status REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION public.progress_live_changed();


--
-- Name: implementation_status trg_implementation_status_live_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_live_insert AFTER INSERT ON public.implementation_status REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.progress_live_changed();


--
-- Name: implementation_status trg_implementation_status_live_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_live_truncate AFTER TRUNCATE ON public.implementation_status FOR EACH STATEMENT EXECUTE FUNCTION public.progress_live_changed();


--
-- Name: implementation_status trg_implementation_status_live_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_implementation_status_live_update AFTER UPDATE ON public.implementation_status REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION public.progress_live_changed();


--
-- Name: memberships trg_memberships_forget_facts; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_memberships_forget_facts AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.memberships FOR EACH STATEMENT EXECUTE FUNCTION public.hub_forget_facts();


--
-- Name: observers trg_observers_forget_facts; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_observers_forget_facts AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.observers FOR EACH STATEMENT EXECUTE FUNCTION public.hub_forget_facts();


--
-- Name: organizations trg_organizations_land_adoptions; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_organizations_land_adoptions AFTER UPDATE OF land_code ON public.organizations FOR EACH ROW WHEN ((old.land_code IS DISTINCT FROM new.land_code)) EXECUTE FUNCTION public.adoption_counts_organization_moved();


--
-- Name: organizations trg_organizations_land_drafts; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_organizations_land_drafts AFTER UPDATE OF land_code ON public.organizations FOR EACH ROW WHEN ((old.land_code IS DISTINCT FROM new.land_code)) EXECUTE FUNCTION public.drafts_owner_land_moved();


--
-- Name: organizations trg_organizations_progress_live; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_organizations_progress_live AFTER UPDATE OF land_code, kreis_code, kind ON public.organizations FOR EACH ROW WHEN (((old.land_code IS DISTINCT FROM new.land_code) OR (old.kreis_code IS DISTINCT FROM new.kreis_code) OR (old.kind IS DISTINCT FROM new.kind))) EXECUTE FUNCTION public.progress_live_organization_moved();


--
-- Name: releases trg_releases_current_insert; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_releases_current_insert AFTER INSERT ON public.releases FOR EACH ROW EXECUTE FUNCTION public.releases_current_changed();


--
-- Name: releases trg_releases_current_update; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_releases_current_update AFTER UPDATE OF status, major, minor ON public.releases FOR EACH ROW WHEN (((old.status IS DISTINCT FROM new.status) OR (old.major <> new.major) OR (old.minor <> new.minor))) EXECUTE FUNCTION public.releases_current_changed();


--
-- Name: releases trg_releases_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_releases_draft_changed AFTER INSERT OR DELETE OR UPDATE ON public.releases FOR EACH ROW EXECUTE FUNCTION public.hub_child_draft_changed();


--
-- Name: releases trg_releases_search; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_releases_search BEFORE INSERT ON public.releases FOR EACH ROW EXECUTE FUNCTION public.releases_search();


--
-- Name: review_rounds trg_review_rounds_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_review_rounds_draft_changed AFTER INSERT OR DELETE OR UPDATE ON public.review_rounds FOR EACH ROW EXECUTE FUNCTION public.hub_child_draft_changed();


--
-- Name: reviews trg_reviews_draft_changed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_reviews_draft_changed AFTER INSERT OR DELETE OR UPDATE ON public.reviews FOR EACH ROW EXECUTE FUNCTION public.hub_child_draft_changed();


--
-- Name: users trg_users_forget_facts; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER trg_users_forget_facts AFTER DELETE OR UPDATE OF is_platform_admin, disabled_at OR TRUNCATE ON public.users FOR EACH STATEMENT EXECUTE FUNCTION public.hub_forget_facts();


--
-- Name: adoptions fk_adoptions_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoptions
    ADD CONSTRAINT fk_adoptions_created_by FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: adoptions fk_adoptions_draft; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoptions
    ADD CONSTRAINT fk_adoptions_draft FOREIGN KEY (draft_id) REFERENCES public.drafts(id);


--
-- Name: adoptions fk_adoptions_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoptions
    ADD CONSTRAINT fk_adoptions_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: adoptions fk_adoptions_release; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.adoptions
    ADD CONSTRAINT fk_adoptions_release FOREIGN KEY (release_id) REFERENCES public.releases(id);


--
-- Name: api_tokens fk_api_tokens_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_tokens
    ADD CONSTRAINT fk_api_tokens_user FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: catalog_lebenslagen fk_catalog_lebenslagen_themenfeld; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_lebenslagen
    ADD CONSTRAINT fk_catalog_lebenslagen_themenfeld FOREIGN KEY (themenfeld_id) REFERENCES public.catalog_themenfelder(id);


--
-- Name: catalog_leika fk_catalog_leika_service; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_leika
    ADD CONSTRAINT fk_catalog_leika_service FOREIGN KEY (ozg_id) REFERENCES public.catalog_services(ozg_id);


--
-- Name: catalog_services fk_catalog_services_lebenslage; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_services
    ADD CONSTRAINT fk_catalog_services_lebenslage FOREIGN KEY (lebenslage_id) REFERENCES public.catalog_lebenslagen(id);


--
-- Name: catalog_services fk_catalog_services_themenfeld; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.catalog_services
    ADD CONSTRAINT fk_catalog_services_themenfeld FOREIGN KEY (themenfeld_id) REFERENCES public.catalog_themenfelder(id);


--
-- Name: comments fk_comments_author; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT fk_comments_author FOREIGN KEY (author_user_id) REFERENCES public.users(id);


--
-- Name: comments fk_comments_draft; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT fk_comments_draft FOREIGN KEY (draft_id) REFERENCES public.drafts(id);


--
-- Name: comments fk_comments_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT fk_comments_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: comments fk_comments_parent; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT fk_comments_parent FOREIGN KEY (parent_id) REFERENCES public.comments(id);


--
-- Name: comments fk_comments_resolved_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.comments
    ADD CONSTRAINT fk_comments_resolved_by FOREIGN KEY (resolved_by) REFERENCES public.users(id);


--
-- Name: cooperation_coordinators fk_cooperation_coordinators_cooperation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperation_coordinators
    ADD CONSTRAINT fk_cooperation_coordinators_cooperation FOREIGN KEY (cooperation_id) REFERENCES public.cooperations(id);


--
-- Name: cooperation_coordinators fk_cooperation_coordinators_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperation_coordinators
    ADD CONSTRAINT fk_cooperation_coordinators_user FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: cooperation_members fk_cooperation_members_cooperation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperation_members
    ADD CONSTRAINT fk_cooperation_members_cooperation FOREIGN KEY (cooperation_id) REFERENCES public.cooperations(id);


--
-- Name: cooperation_members fk_cooperation_members_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperation_members
    ADD CONSTRAINT fk_cooperation_members_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: cooperations fk_cooperations_lead; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.cooperations
    ADD CONSTRAINT fk_cooperations_lead FOREIGN KEY (lead_organization_id) REFERENCES public.organizations(id);


--
-- Name: draft_catalog_services fk_draft_catalog_services_draft; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.draft_catalog_services
    ADD CONSTRAINT fk_draft_catalog_services_draft FOREIGN KEY (draft_id) REFERENCES public.drafts(id);


--
-- Name: draft_catalog_services fk_draft_catalog_services_service; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.draft_catalog_services
    ADD CONSTRAINT fk_draft_catalog_services_service FOREIGN KEY (ozg_id) REFERENCES public.catalog_services(ozg_id);


--
-- Name: draft_revisions fk_draft_revisions_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.draft_revisions
    ADD CONSTRAINT fk_draft_revisions_created_by FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: draft_revisions fk_draft_revisions_draft; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.draft_revisions
    ADD CONSTRAINT fk_draft_revisions_draft FOREIGN KEY (draft_id) REFERENCES public.drafts(id);


--
-- Name: drafts fk_drafts_cooperation_member; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.drafts
    ADD CONSTRAINT fk_drafts_cooperation_member FOREIGN KEY (cooperation_id, owner_organization_id) REFERENCES public.cooperation_members(cooperation_id, organization_id);


--
-- Name: drafts fk_drafts_created_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.drafts
    ADD CONSTRAINT fk_drafts_created_by FOREIGN KEY (created_by) REFERENCES public.users(id);


--
-- Name: drafts fk_drafts_open_round; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.drafts
    ADD CONSTRAINT fk_drafts_open_round FOREIGN KEY (open_round_id) REFERENCES public.review_rounds(id);


--
-- Name: idempotency_keys fk_idempotency_keys_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_keys
    ADD CONSTRAINT fk_idempotency_keys_user FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: implementation_status fk_implementation_status_adoption; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.implementation_status
    ADD CONSTRAINT fk_implementation_status_adoption FOREIGN KEY (adoption_id) REFERENCES public.adoptions(id);


--
-- Name: implementation_status fk_implementation_status_draft; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.implementation_status
    ADD CONSTRAINT fk_implementation_status_draft FOREIGN KEY (draft_id) REFERENCES public.drafts(id);


--
-- Name: implementation_status fk_implementation_status_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.implementation_status
    ADD CONSTRAINT fk_implementation_status_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: implementation_status fk_implementation_status_service; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.implementation_status
    ADD CONSTRAINT fk_implementation_status_service FOREIGN KEY (ozg_id) REFERENCES public.catalog_services(ozg_id);


--
-- Name: implementation_status fk_implementation_status_updated_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.implementation_status
    ADD CONSTRAINT fk_implementation_status_updated_by FOREIGN KEY (updated_by) REFERENCES public.users(id);


--
-- Name: memberships fk_memberships_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT fk_memberships_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: memberships fk_memberships_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.memberships
    ADD CONSTRAINT fk_memberships_user FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: notifications fk_notifications_comment; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT fk_notifications_comment FOREIGN KEY (comment_id) REFERENCES public.comments(id);


--
-- Name: notifications fk_notifications_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.notifications
    ADD CONSTRAINT fk_notifications_user FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: observers fk_observers_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.observers
    ADD CONSTRAINT fk_observers_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: observers fk_observers_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.observers
    ADD CONSTRAINT fk_observers_user FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: organization_status_counts fk_organization_status_counts_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.organization_status_counts
    ADD CONSTRAINT fk_organization_status_counts_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id) ON DELETE CASCADE;


--
-- Name: releases fk_releases_cooperation; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT fk_releases_cooperation FOREIGN KEY (cooperation_id) REFERENCES public.cooperations(id);


--
-- Name: releases fk_releases_owner_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT fk_releases_owner_organization FOREIGN KEY (owner_organization_id) REFERENCES public.organizations(id);


--
-- Name: releases fk_releases_released_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT fk_releases_released_by FOREIGN KEY (released_by) REFERENCES public.users(id);


--
-- Name: releases fk_releases_revision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT fk_releases_revision FOREIGN KEY (draft_id, revision) REFERENCES public.draft_revisions(draft_id, revision);


--
-- Name: releases fk_releases_status_changed_by; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT fk_releases_status_changed_by FOREIGN KEY (status_changed_by) REFERENCES public.users(id);


--
-- Name: releases fk_releases_successor; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.releases
    ADD CONSTRAINT fk_releases_successor FOREIGN KEY (successor_release_id) REFERENCES public.releases(id);


--
-- Name: review_rounds fk_review_rounds_revision; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.review_rounds
    ADD CONSTRAINT fk_review_rounds_revision FOREIGN KEY (draft_id, revision) REFERENCES public.draft_revisions(draft_id, revision);


--
-- Name: reviews fk_reviews_organization; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT fk_reviews_organization FOREIGN KEY (organization_id) REFERENCES public.organizations(id);


--
-- Name: reviews fk_reviews_reviewer; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT fk_reviews_reviewer FOREIGN KEY (reviewer_user_id) REFERENCES public.users(id);


--
-- Name: reviews fk_reviews_round; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.reviews
    ADD CONSTRAINT fk_reviews_round FOREIGN KEY (round_id) REFERENCES public.review_rounds(id);


--
-- Name: sessions fk_sessions_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sessions
    ADD CONSTRAINT fk_sessions_user FOREIGN KEY (user_id) REFERENCES public.users(id);


--
-- Name: adoptions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.adoptions ENABLE ROW LEVEL SECURITY;

--
-- Name: adoptions adoptions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY adoptions_insert ON public.adoptions FOR INSERT WITH CHECK ((organization_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[])));


--
-- Name: adoptions adoptions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY adoptions_select ON public.adoptions FOR SELECT USING (((organization_id = ANY (( SELECT public.hub_my_partner_organizations() AS hub_my_partner_organizations)::uuid[])) OR ((cardinality(( SELECT public.hub_my_lands() AS hub_my_lands)) > 0) AND (organization_id IN ( SELECT o.id
   FROM public.organizations o
  WHERE (o.land_code = ANY (( SELECT public.hub_my_lands() AS hub_my_lands)::text[]))))) OR ( SELECT public.hub_is_platform_admin() AS hub_is_platform_admin) OR (EXISTS ( SELECT 1
   FROM public.releases rl
  WHERE ((rl.id = adoptions.release_id) AND (rl.cooperation_id = ANY (( SELECT public.hub_my_cooperations() AS hub_my_cooperations)::uuid[])))))));


--
-- Name: adoptions adoptions_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY adoptions_update ON public.adoptions FOR UPDATE USING ((organization_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[]))) WITH CHECK ((organization_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[])));


--
-- Name: audit_events; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.audit_events ENABLE ROW LEVEL SECURITY;

--
-- Name: audit_events audit_events_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_events_insert ON public.audit_events FOR INSERT WITH CHECK ((actor_user_id = public.hub_user_id()));


--
-- Name: audit_events audit_events_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY audit_events_select ON public.audit_events FOR SELECT USING ((( SELECT public.hub_is_platform_admin() AS hub_is_platform_admin) OR (actor_user_id = public.hub_user_id()) OR ((entity_type = 'draft'::text) AND (EXISTS ( SELECT 1
   FROM public.drafts d
  WHERE (d.id = audit_events.entity_id)))) OR ((entity_type = 'release'::text) AND (public.hub_user_id() IS NOT NULL)) OR ((entity_type = 'organization'::text) AND (entity_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[]))) OR ((entity_type = 'cooperation'::text) AND (entity_id = ANY (( SELECT public.hub_my_cooperations() AS hub_my_cooperations)::uuid[])))));


--
-- Name: comments; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.comments ENABLE ROW LEVEL SECURITY;

--
-- Name: comments comments_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY comments_insert ON public.comments FOR INSERT WITH CHECK ((public.hub_draft_writable(draft_id) AND (author_user_id = public.hub_user_id())));


--
-- Name: comments comments_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY comments_select ON public.comments FOR SELECT USING ((EXISTS ( SELECT 1
   FROM public.drafts d
  WHERE (d.id = comments.draft_id))));


--
-- Name: comments comments_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY comments_update ON public.comments FOR UPDATE USING (public.hub_draft_writable(draft_id)) WITH CHECK (public.hub_draft_writable(draft_id));


--
-- Name: draft_catalog_services; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.draft_catalog_services ENABLE ROW LEVEL SECURITY;

--
-- Name: draft_catalog_services draft_catalog_services_delete; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY draft_catalog_services_delete ON public.draft_catalog_services FOR DELETE USING (public.hub_draft_writable(draft_id));


--
-- Name: draft_catalog_services draft_catalog_services_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY draft_catalog_services_insert ON public.draft_catalog_services FOR INSERT WITH CHECK (public.hub_draft_writable(draft_id));


--
-- Name: draft_catalog_services draft_catalog_services_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY draft_catalog_services_select ON public.draft_catalog_services FOR SELECT USING (((EXISTS ( SELECT 1
   FROM public.drafts d
  WHERE (d.id = draft_catalog_services.draft_id))) OR (EXISTS ( SELECT 1
   FROM public.releases rl
  WHERE (rl.draft_id = draft_catalog_services.draft_id)))));


--
-- Name: draft_revisions; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.draft_revisions ENABLE ROW LEVEL SECURITY;

--
-- Name: draft_revisions draft_revisions_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY draft_revisions_insert ON public.draft_revisions FOR INSERT WITH CHECK (public.hub_draft_writable(draft_id));


--
-- Name: draft_revisions draft_revisions_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY draft_revisions_select ON public.draft_revisions FOR SELECT USING (((EXISTS ( SELECT 1
   FROM public.drafts d
  WHERE (d.id = draft_revisions.draft_id))) OR (EXISTS ( SELECT 1
   FROM public.releases rl
  WHERE ((rl.draft_id = draft_revisions.draft_id) AND (rl.revision = draft_revisions.revision))))));


--
-- Name: drafts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.drafts ENABLE ROW LEVEL SECURITY;

--
-- Name: drafts drafts_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY drafts_insert ON public.drafts FOR INSERT WITH CHECK ((owner_organization_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[])));


--
-- Name: drafts drafts_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY drafts_select ON public.drafts FOR SELECT USING (((cooperation_id = ANY (( SELECT public.hub_my_cooperations() AS hub_my_cooperations)::uuid[])) OR (owner_land_code = ANY (( SELECT public.hub_my_lands() AS hub_my_lands)::text[]))));


--
-- Name: drafts drafts_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY drafts_update ON public.drafts FOR UPDATE USING (((cooperation_id = ANY (( SELECT public.hub_my_cooperations() AS hub_my_cooperations)::uuid[])) OR (owner_land_code = ANY (( SELECT public.hub_my_lands() AS hub_my_lands)::text[])))) WITH CHECK ((cooperation_id = ANY (( SELECT public.hub_my_cooperations() AS hub_my_cooperations)::uuid[])));


--
-- Name: idempotency_keys; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.idempotency_keys ENABLE ROW LEVEL SECURITY;

--
-- Name: idempotency_keys idempotency_keys_own; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY idempotency_keys_own ON public.idempotency_keys USING ((user_id = public.hub_user_id())) WITH CHECK ((user_id = public.hub_user_id()));


--
-- Name: implementation_status; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.implementation_status ENABLE ROW LEVEL SECURITY;

--
-- Name: implementation_status implementation_status_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY implementation_status_insert ON public.implementation_status FOR INSERT WITH CHECK ((organization_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[])));


--
-- Name: implementation_status implementation_status_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY implementation_status_select ON public.implementation_status FOR SELECT USING (((organization_id = ANY (( SELECT public.hub_my_partner_organizations() AS hub_my_partner_organizations)::uuid[])) OR ((cardinality(( SELECT public.hub_my_lands() AS hub_my_lands)) > 0) AND (organization_id IN ( SELECT o.id
   FROM public.organizations o
  WHERE (o.land_code = ANY (( SELECT public.hub_my_lands() AS hub_my_lands)::text[]))))) OR ( SELECT public.hub_is_platform_admin() AS hub_is_platform_admin)));


--
-- Name: implementation_status implementation_status_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY implementation_status_update ON public.implementation_status FOR UPDATE USING ((organization_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[]))) WITH CHECK ((organization_id = ANY (( SELECT public.hub_my_organizations() AS hub_my_organizations)::uuid[])));


--
-- Name: notifications; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.notifications ENABLE ROW LEVEL SECURITY;

--
-- Name: notifications notifications_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notifications_insert ON public.notifications FOR INSERT WITH CHECK ((public.hub_user_id() IS NOT NULL));


--
-- Name: notifications notifications_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notifications_select ON public.notifications FOR SELECT USING ((user_id = public.hub_user_id()));


--
-- Name: notifications notifications_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY notifications_update ON public.notifications FOR UPDATE USING ((user_id = public.hub_user_id())) WITH CHECK ((user_id = public.hub_user_id()));


--
-- Name: organization_status_counts; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.organization_status_counts ENABLE ROW LEVEL SECURITY;

--
-- Name: organization_status_counts organization_status_counts_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY organization_status_counts_select ON public.organization_status_counts FOR SELECT USING (((organization_id = ANY (( SELECT public.hub_my_partner_organizations() AS hub_my_partner_organizations)::uuid[])) OR ((cardinality(( SELECT public.hub_my_lands() AS hub_my_lands)) > 0) AND (organization_id IN ( SELECT o.id
   FROM public.organizations o
  WHERE (o.land_code = ANY (( SELECT public.hub_my_lands() AS hub_my_lands)::text[]))))) OR ( SELECT public.hub_is_platform_admin() AS hub_is_platform_admin)));


--
-- Name: releases; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.releases ENABLE ROW LEVEL SECURITY;

--
-- Name: releases releases_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY releases_insert ON public.releases FOR INSERT WITH CHECK ((public.hub_draft_writable(draft_id) AND (released_by = public.hub_user_id())));


--
-- Name: releases releases_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY releases_select ON public.releases FOR SELECT USING (true);


--
-- Name: releases releases_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY releases_update ON public.releases FOR UPDATE USING ((cooperation_id = ANY (( SELECT public.hub_my_cooperations() AS hub_my_cooperations)::uuid[]))) WITH CHECK ((cooperation_id = ANY (( SELECT public.hub_my_cooperations() AS hub_my_cooperations)::uuid[])));


--
-- Name: review_rounds; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.review_rounds ENABLE ROW LEVEL SECURITY;

--
-- Name: review_rounds review_rounds_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY review_rounds_insert ON public.review_rounds FOR INSERT WITH CHECK (public.hub_draft_writable(draft_id));


--
-- Name: review_rounds review_rounds_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY review_rounds_select ON public.review_rounds FOR SELECT USING (((EXISTS ( SELECT 1
   FROM public.drafts d
  WHERE (d.id = review_rounds.draft_id))) OR ((outcome = 'approved'::text) AND (EXISTS ( SELECT 1
   FROM public.releases rl
  WHERE ((rl.draft_id = review_rounds.draft_id) AND (rl.revision = review_rounds.revision)))))));


--
-- Name: review_rounds review_rounds_update; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY review_rounds_update ON public.review_rounds FOR UPDATE USING (public.hub_draft_writable(draft_id)) WITH CHECK (public.hub_draft_writable(draft_id));


--
-- Name: reviews; Type: ROW SECURITY; Schema: public; Owner: -
--

ALTER TABLE public.reviews ENABLE ROW LEVEL SECURITY;

--
-- Name: reviews reviews_insert; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reviews_insert ON public.reviews FOR INSERT WITH CHECK ((public.hub_draft_writable(draft_id) AND (reviewer_user_id = public.hub_user_id())));


--
-- Name: reviews reviews_select; Type: POLICY; Schema: public; Owner: -
--

CREATE POLICY reviews_select ON public.reviews FOR SELECT USING (((EXISTS ( SELECT 1
   FROM public.drafts d
  WHERE (d.id = reviews.draft_id))) OR ((verdict = 'approve'::text) AND (EXISTS ( SELECT 1
   FROM public.releases rl
  WHERE ((rl.draft_id = reviews.draft_id) AND (rl.revision = reviews.revision)))))));


--
-- Name: SCHEMA public; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA public TO hub_app;


--
-- Name: FUNCTION adoption_counts_add(orgs uuid[], releases uuid[], drafts uuid[], statuses text[], created timestamp with time zone[], deltas integer[]); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.adoption_counts_add(orgs uuid[], releases uuid[], drafts uuid[], statuses text[], created timestamp with time zone[], deltas integer[]) FROM PUBLIC;


--
-- Name: FUNCTION adoption_counts_rebuild(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.adoption_counts_rebuild() FROM PUBLIC;


--
-- Name: TABLE audit_events; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT ON TABLE public.audit_events TO hub_app;


--
-- Name: FUNCTION catalog_services_municipal_refresh(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.catalog_services_municipal_refresh() FROM PUBLIC;


--
-- Name: FUNCTION organization_status_add(orgs uuid[], ozgs text[], responsibles boolean[], statuses text[], deltas integer[]); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.organization_status_add(orgs uuid[], ozgs text[], responsibles boolean[], statuses text[], deltas integer[]) FROM PUBLIC;


--
-- Name: FUNCTION organization_status_rebuild(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.organization_status_rebuild() FROM PUBLIC;


--
-- Name: FUNCTION progress_live_add(orgs uuid[], ozgs text[], deltas integer[]); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.progress_live_add(orgs uuid[], ozgs text[], deltas integer[]) FROM PUBLIC;


--
-- Name: FUNCTION progress_live_rebuild(); Type: ACL; Schema: public; Owner: -
--

REVOKE ALL ON FUNCTION public.progress_live_rebuild() FROM PUBLIC;


--
-- Name: TABLE adoption_counts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.adoption_counts TO hub_app;


--
-- Name: TABLE adoption_month_counts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.adoption_month_counts TO hub_app;


--
-- Name: TABLE adoptions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.adoptions TO hub_app;


--
-- Name: TABLE api_tokens; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.api_tokens TO hub_app;


--
-- Name: TABLE catalog_lebenslagen; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.catalog_lebenslagen TO hub_app;


--
-- Name: TABLE catalog_leika; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.catalog_leika TO hub_app;


--
-- Name: SEQUENCE catalog_leika_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.catalog_leika_id_seq TO hub_app;


--
-- Name: TABLE catalog_services; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.catalog_services TO hub_app;


--
-- Name: TABLE catalog_municipal_services; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.catalog_municipal_services TO hub_app;


--
-- Name: TABLE catalog_themenfelder; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.catalog_themenfelder TO hub_app;


--
-- Name: TABLE comments; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.comments TO hub_app;


--
-- Name: TABLE cooperation_coordinators; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.cooperation_coordinators TO hub_app;


--
-- Name: TABLE cooperation_members; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.cooperation_members TO hub_app;


--
-- Name: TABLE cooperations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.cooperations TO hub_app;


--
-- Name: TABLE data_protection_keys; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.data_protection_keys TO hub_app;


--
-- Name: SEQUENCE data_protection_keys_id_seq; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,USAGE ON SEQUENCE public.data_protection_keys_id_seq TO hub_app;


--
-- Name: TABLE draft_catalog_services; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.draft_catalog_services TO hub_app;


--
-- Name: TABLE draft_revisions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.draft_revisions TO hub_app;


--
-- Name: TABLE drafts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.drafts TO hub_app;


--
-- Name: TABLE idempotency_keys; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.idempotency_keys TO hub_app;


--
-- Name: TABLE implementation_status; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.implementation_status TO hub_app;


--
-- Name: TABLE memberships; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.memberships TO hub_app;


--
-- Name: TABLE notifications; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.notifications TO hub_app;


--
-- Name: TABLE observers; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.observers TO hub_app;


--
-- Name: TABLE organization_status_counts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.organization_status_counts TO hub_app;


--
-- Name: TABLE organizations; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.organizations TO hub_app;


--
-- Name: TABLE progress_live_counts; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT ON TABLE public.progress_live_counts TO hub_app;


--
-- Name: TABLE releases; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.releases TO hub_app;


--
-- Name: TABLE review_rounds; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.review_rounds TO hub_app;


--
-- Name: TABLE reviews; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.reviews TO hub_app;


--
-- Name: TABLE sessions; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.sessions TO hub_app;


--
-- Name: TABLE users; Type: ACL; Schema: public; Owner: -
--

GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.users TO hub_app;


--
-- Name: DEFAULT PRIVILEGES FOR SEQUENCES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE hub IN SCHEMA public GRANT SELECT,USAGE ON SEQUENCES  TO hub_app;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: public; Owner: -
--

ALTER DEFAULT PRIVILEGES FOR ROLE hub IN SCHEMA public GRANT SELECT,INSERT,DELETE,UPDATE ON TABLES  TO hub_app;


--
-- PostgreSQL database dump complete
--
