-- One request to send an SMS to one or more recipients, and how its submission to Sinch went. Its id
-- is the client_reference Sinch echoes in every report; the idempotency key makes a repeated
-- request return the first one's result instead of sending again.
CREATE TABLE submission (
    id              CHAR(36)     NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    status          VARCHAR(24)  NOT NULL,
    batch_id        VARCHAR(64),
    sender          VARCHAR(32),
    delivery_report VARCHAR(32)  NOT NULL,
    body            TEXT         NOT NULL,
    encoding        VARCHAR(8)   NOT NULL,
    parts           INT          NOT NULL,
    attempts        INT          NOT NULL,
    error_code      VARCHAR(64),
    error_text      VARCHAR(500),
    created_at_ms   BIGINT       NOT NULL,
    updated_at_ms   BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT submission_idempotency_key UNIQUE (idempotency_key)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX submission_status ON submission (status, created_at_ms);

-- What each message costs: the encoding and the number of parts Sinch bills.
ALTER TABLE message ADD COLUMN encoding VARCHAR(8);
ALTER TABLE message ADD COLUMN parts INT;
