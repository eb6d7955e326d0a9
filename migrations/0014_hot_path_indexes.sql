-- Indexes found with EXPLAIN (ANALYZE, BUFFERS) on the Germany data set (docs/performance.md):
-- "Meine Aufgaben" asks per open round whether my organization has already given its verdict (was a scan of every
-- review through the row-level policies), and lists the open threads I started.
create index ix_reviews_round_organization on reviews (round_id, organization_id);
create index ix_comments_author_open on comments (author_user_id, created_at desc) where parent_id is null and resolved_at is null;
