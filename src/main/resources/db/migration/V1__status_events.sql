-- Delivery reports as Sinch sent them, one row per report. Instants are epoch milliseconds.
CREATE TABLE status_event (
    id             CHAR(36)     NOT NULL,
    batch_id       VARCHAR(64)  NOT NULL,
    recipient      VARCHAR(32)  NOT NULL,
    status         VARCHAR(32)  NOT NULL,
    code           INT,
    reported_at_ms BIGINT       NOT NULL,
    received_at_ms BIGINT       NOT NULL,
    payload        MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX status_event_batch ON status_event (batch_id, recipient);
