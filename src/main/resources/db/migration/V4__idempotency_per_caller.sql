-- Idempotency keys are scoped to the caller: from this version idempotency_key holds
-- SHA-256("idempotency", caller, key) for a request that gave a key (its own id otherwise), and
-- request_digest a digest of the request, so that the same key with another request is a conflict.
-- Keys stored before keep their raw value: a caller repeating such an old request sends it again.
ALTER TABLE submission ADD COLUMN request_digest CHAR(64);
ALTER TABLE submission ADD COLUMN requested_by VARCHAR(255);
