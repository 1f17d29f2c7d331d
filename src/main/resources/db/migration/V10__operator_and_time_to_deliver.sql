-- What Sinch reports of the operator that carried each SMS (recipient reports of the SMS API), and
-- for each message, how long it took from sent to the handset: delivery statistics by operator.
ALTER TABLE status_event ADD COLUMN operator VARCHAR(64);
ALTER TABLE status_event ADD COLUMN operator_status_at_ms BIGINT;
ALTER TABLE message ADD COLUMN operator VARCHAR(64);
ALTER TABLE message ADD COLUMN operator_status_at_ms BIGINT;
ALTER TABLE message ADD COLUMN delivered_after_ms BIGINT;

-- Statistics read messages by the time they were sent, and only these columns: the index covers
-- them, so that a month of a million messages is one range scan of the index, never of the table.
CREATE INDEX message_statistics ON message (created_at_ms, status, code, operator, delivered_after_ms);
