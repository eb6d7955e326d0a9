-- The public search ranks its matches by a small vector of each release's title (A) and summary (B), kept in the row,
-- instead of the full vector with description and notes (C). The full vector (2 kB on average on the Germany data set)
-- lives out of line (TOAST, compressed); ranking it decompressed it once more for every match: on the generated data a
-- common word matches 96 % of the releases, and the search spent most of its 50 ms on that (see docs/performance.md).
-- The full vector still decides what matches (through its index); among the matches, a hit in the title or summary
-- ranks first, a hit only in the description ranks by date.

alter table releases add column search_head tsvector;

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

update releases rl
   set search_head = setweight(to_tsvector('german', rl.title), 'A') || setweight(to_tsvector('german', coalesce(r.summary, '')), 'B')
  from draft_revisions r
 where r.draft_id = rl.draft_id and r.revision = rl.revision;
