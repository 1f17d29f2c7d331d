-- The signature nonce is kept on the callback row, under a unique key, instead of in a table of its
-- own: one row and two index entries fewer to write per callback, one query fewer per list, and no
-- purge. A nonce is now remembered as long as its callback (longer than the 24 h a replay could pass
-- the timestamp check). A replay is the same bytes, so its dedup key already made it change nothing;
-- the nonces of accepted_nonce therefore need no copy.
ALTER TABLE callback ADD COLUMN nonce VARCHAR(64);
CREATE UNIQUE INDEX callback_nonce ON callback (nonce);
DROP TABLE accepted_nonce;
