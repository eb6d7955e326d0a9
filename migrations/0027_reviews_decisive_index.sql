-- "Has my organization decided on this round?" (Meine Aufgaben, the review state of a draft) looks for an approval or a
-- request for changes of one organization in one round. Comment verdicts pile up in a long discussion (2,277 of them for
-- one round and organization on the benchmark's Germany data set after its write runs), and the index on (round,
-- organization) handed every one of them to the row-level policy before the verdict was checked: 0.3 ms per task row.
-- The decisive verdicts get an index of their own.
create index ix_reviews_round_organization_decisive on reviews (round_id, organization_id) where verdict in ('approve', 'request_changes');
