-- What a request with an idempotency key asked for: SHA-256 of its method, path and body (form fields or raw body).
-- The same key with a different request is refused (422 idempotency_key_reused) instead of replaying the first
-- answer, which silently lost the second request's change. Keys claimed before this column have none and are
-- compared by method and path only, as before, until they expire after a day.
alter table idempotency_keys add column request_hash text;
