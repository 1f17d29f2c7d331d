-- Reconciliation looks a message up when its next check is due, and pushes the next one further
-- out each time (oldest due first, so none starves); a final status clears it. Messages awaiting a
-- report before this version are due 10 minutes after they were created.
ALTER TABLE message ADD COLUMN next_check_at_ms BIGINT;
ALTER TABLE message ADD COLUMN checks INT DEFAULT 0 NOT NULL;
UPDATE message SET next_check_at_ms = created_at_ms + 600000
    WHERE batch_id IS NOT NULL AND status IN ('SUBMITTED', 'Queued', 'Dispatched', 'QUEUED_ON_CHANNEL', 'SWITCHING_CHANNEL');
CREATE INDEX message_next_check ON message (next_check_at_ms);

-- Work that one node of a cluster does at a time: the holder renews its lease while it works; when
-- it stops, the lease runs out and another node takes it.
CREATE TABLE lease (
    name          VARCHAR(64)  NOT NULL,
    holder        VARCHAR(128),
    expires_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (name)
) DEFAULT CHARSET=utf8mb4;
INSERT INTO lease (name, holder, expires_at_ms) VALUES ('reconciliation', NULL, 0);
