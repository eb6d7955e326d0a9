-- The public catalogue of released services: German full-text search over each release's title, summary,
-- description and notes, weighted, kept with the release (a release is immutable, so computed once at insert).

alter table releases add column search tsvector;

create function releases_search() returns trigger language plpgsql as $$
begin
    select setweight(to_tsvector('german', new.title), 'A')
           || setweight(to_tsvector('german', coalesce(r.summary, '')), 'B')
           || setweight(to_tsvector('german', r.body || ' ' || new.notes), 'C')
      into new.search
      from draft_revisions r
     where r.draft_id = new.draft_id and r.revision = new.revision;
    return new;
end
$$;

create trigger trg_releases_search before insert on releases for each row execute function releases_search();

update releases rl
   set search = setweight(to_tsvector('german', rl.title), 'A')
             || setweight(to_tsvector('german', coalesce(r.summary, '')), 'B')
             || setweight(to_tsvector('german', r.body || ' ' || rl.notes), 'C')
  from draft_revisions r
 where r.draft_id = rl.draft_id and r.revision = rl.revision;

create index ix_releases_search on releases using gin (search);
create index ix_releases_active_service on releases (draft_id, major desc, minor desc) where status = 'active';
