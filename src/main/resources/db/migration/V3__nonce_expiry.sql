-- A nonce is remembered until its signature's timestamp is older than the tolerance, counted from
-- when it was signed or, if later, when it arrived (a timestamp ahead of the clock by the allowed
-- skew outlives its arrival time). Nonces stored before this version expire a tolerance (at most
-- the default of 24 h) after their arrival.
ALTER TABLE accepted_nonce ADD COLUMN expires_at_ms BIGINT;
UPDATE accepted_nonce SET expires_at_ms = accepted_at_ms + 86400000;
ALTER TABLE accepted_nonce MODIFY expires_at_ms BIGINT NOT NULL;
CREATE INDEX accepted_nonce_expiry ON accepted_nonce (expires_at_ms);
DROP INDEX accepted_nonce_age ON accepted_nonce;
