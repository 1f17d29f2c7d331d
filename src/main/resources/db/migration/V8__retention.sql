-- The retention purge runs on one node of a cluster at a time: the holder of this lease.
INSERT INTO lease (name, holder, expires_at_ms) VALUES ('retention', NULL, 0);
