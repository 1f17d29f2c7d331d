-- An attempt to submit a request is claimed in a short transaction and recorded in another, with
-- Sinch called between them and no row locked: the delivery of the queue that claimed it, and
-- until when no other delivery may claim an attempt (longer than the longest attempt), so that
-- two nodes never call Sinch for one request at once.
ALTER TABLE submission ADD COLUMN attempt_delivery VARCHAR(128);
ALTER TABLE submission ADD COLUMN attempt_lease_until_ms BIGINT;
