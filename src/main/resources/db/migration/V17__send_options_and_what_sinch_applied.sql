-- The SMS API's send options, kept with the request so that each attempt sends the same batch:
-- when to send and when to give up, per-recipient parameters (they hold numbers: cleared once the
-- request leaves PENDING, and by erasure; up to the 4 MiB a request may be), flash, the most
-- parts, and delivery feedback.
ALTER TABLE submission ADD COLUMN send_at_ms BIGINT;
ALTER TABLE submission ADD COLUMN expire_at_ms BIGINT;
ALTER TABLE submission ADD COLUMN parameters MEDIUMTEXT;
ALTER TABLE submission ADD COLUMN flash BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE submission ADD COLUMN max_parts INT;
ALTER TABLE submission ADD COLUMN feedback_enabled BOOLEAN DEFAULT FALSE NOT NULL;

-- What Sinch's recipient reports say it applied (the originator it chose, the encoding, the parts
-- it counted), on the report and on its message; and when delivery feedback was given.
ALTER TABLE status_event ADD COLUMN applied_originator VARCHAR(64);
ALTER TABLE status_event ADD COLUMN encoding VARCHAR(16);
ALTER TABLE status_event ADD COLUMN parts INT;
ALTER TABLE message ADD COLUMN applied_originator VARCHAR(64);
ALTER TABLE message ADD COLUMN reported_encoding VARCHAR(16);
ALTER TABLE message ADD COLUMN reported_parts INT;
ALTER TABLE message ADD COLUMN feedback_at_ms BIGINT;
