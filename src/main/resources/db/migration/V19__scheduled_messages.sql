-- When Sinch was to send a scheduled message: its time to deliver counts from then, and
-- reconciliation gives up on it only that long after it, not after it was created.
ALTER TABLE message ADD COLUMN scheduled_for_ms BIGINT;
