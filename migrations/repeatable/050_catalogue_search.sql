-- Repeatable definition (ADR 0010): the current text of these objects. Applied after the versioned migrations in
-- file-name order, and again whenever this file changes or a versioned migration was applied; so every statement
-- here must be re-runnable (create or replace; drop … if exists before create).
--
-- The public catalogue: the search document of a release, which release of a service is current, the
-- snippet text for highlighting, and which OZG-Leistungen have municipal execution.

create or replace function releases_search() returns trigger language plpgsql as $$
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

-- A release that arrives or changes its status or version recounts its service's current release: first the one that
-- stops being current, then the new one (the unique index checks row by row). All writers of a service's releases hold
-- its draft row first (the lifecycle's transitions lock it; a status change locks it before the release, see
-- ReleaseStore.ChangeStatusAsync), so two of them never recount the same service at once.
create or replace function releases_current_changed() returns trigger language plpgsql security definer set search_path = public, pg_temp
as $$
declare
    newest constant uuid := (select n.id from releases n where n.draft_id = new.draft_id and n.status = 'active'
                             order by n.major desc, n.minor desc limit 1);
begin
    update releases set is_current = false where draft_id = new.draft_id and is_current and id is distinct from newest;
    update releases set is_current = true where id = newest and not is_current;
    return null;
end $$;

-- The public search's snippets: ts_headline parses and stems the whole text it is given (about 0.15 ms per kB), and a
-- page of 20 results over long descriptions spent 14 ms on it. It now gets a window of 700 characters (the snippet
-- shows one or two fragments of 12-35 words) from shortly before the first word that is one of the query's lexemes
-- and an ending of at most five letters ("anmeld" in "Anmeldungen", not in the compound "Anmeldebescheinigung", which
-- stems to another lexeme), without a cut word at its start; where no word is found so (an umlaut the stemmer folded:
-- "Ärzte" is "arzt"), the text's beginning. A text of at most 700 characters is given whole.
create or replace function hub_snippet_source(doc text, query tsquery) returns text language sql immutable parallel safe
set search_path = pg_catalog, pg_temp
as $$
    select case when length(doc) <= 700 then doc
                when at <= 230 then left(doc, 700)
                else regexp_replace(substr(doc, at - 230, 700), '^[^[:space:]]*[[:space:]]+', '') end
    from (select coalesce(nullif(regexp_instr(doc, '(^|[[:space:][:punct:]])(' || string_agg(regexp_replace(m[1], '([^[:alnum:]])', '\\\1', 'g'), '|')
                                                   || ')[^[:space:][:punct:]]{0,5}([[:space:][:punct:]]|$)',
                                              1, 1, 0, 'i'), 0), 1) as at
          from regexp_matches(query::text, '''((?:[^'']|'''')+)''', 'g') m) w
$$;

create or replace function catalog_services_municipal_refresh() returns integer language sql security definer set search_path = public, pg_temp
as $$
    with fresh as (
        select s.ozg_id, exists (select 1 from catalog_leika k where k.ozg_id = s.ozg_id and k.leika_typ ~ '(^|, )(4|5|6)($|,)') as municipal
        from catalog_services s),
    changed as (
        update catalog_services s set municipal = f.municipal from fresh f
        where f.ozg_id = s.ozg_id and s.municipal <> f.municipal returning 1)
    select count(*)::int from changed;
$$;
revoke execute on function catalog_services_municipal_refresh() from public;

create or replace view catalog_municipal_services with (security_invoker = true) as
    select ozg_id, municipal from catalog_services;

drop trigger if exists trg_releases_search on releases;
create trigger trg_releases_search before insert on releases for each row execute function releases_search();

drop trigger if exists trg_releases_current_insert on releases;
create trigger trg_releases_current_insert after insert on releases
    for each row execute function releases_current_changed();

drop trigger if exists trg_releases_current_update on releases;
create trigger trg_releases_current_update after update of status, major, minor on releases
    for each row when (old.status is distinct from new.status or old.major <> new.major or old.minor <> new.minor)
    execute function releases_current_changed();
