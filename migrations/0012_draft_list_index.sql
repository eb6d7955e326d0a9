-- The draft list is ordered by the last change; with this index PostgreSQL walks the newest drafts and stops after a
-- page of visible ones instead of sorting every draft the filters let through.
create index ix_drafts_updated on drafts (updated_at desc, id);
