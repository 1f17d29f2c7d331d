-- The schema of the SMS tracker. Instants are epoch milliseconds (BIGINT): exact on every database
-- and driver, where DATETIME loses its fractions between Connector/J and MariaDB.

-- Every callback Sinch sent that we accepted, byte for byte, once: the record operators can trust.
CREATE TABLE callback (
    id             CHAR(36)     NOT NULL,
    type           VARCHAR(64)  NOT NULL,
    dedup_key      CHAR(64)     NOT NULL,
    outcome        VARCHAR(16)  NOT NULL,
    problem        VARCHAR(500),
    received_at_ms BIGINT       NOT NULL,
    payload        MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT callback_dedup_key UNIQUE (dedup_key)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX callback_outcome ON callback (outcome, received_at_ms);

-- Signature nonces seen within the timestamp tolerance; a repeated nonce is a replay.
CREATE TABLE accepted_nonce (
    nonce          VARCHAR(128) NOT NULL,
    accepted_at_ms BIGINT       NOT NULL,
    PRIMARY KEY (nonce)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX accepted_nonce_age ON accepted_nonce (accepted_at_ms);

-- One SMS to one recipient, with its current status.
CREATE TABLE message (
    id               CHAR(36)     NOT NULL,
    batch_id         VARCHAR(64),
    recipient        VARCHAR(32)  NOT NULL,
    client_reference VARCHAR(128),
    status           VARCHAR(32)  NOT NULL,
    code             INT,
    status_at_ms     BIGINT,
    created_at_ms    BIGINT       NOT NULL,
    updated_at_ms    BIGINT       NOT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX message_batch ON message (batch_id, recipient);
CREATE INDEX message_client_reference ON message (client_reference, recipient);
CREATE INDEX message_status ON message (status, created_at_ms);

-- Every delivery status reported, matched to its message or, while unmatched, parked (message_id NULL).
CREATE TABLE status_event (
    id               CHAR(36)     NOT NULL,
    callback_id      CHAR(36)     NOT NULL,
    message_id       CHAR(36),
    batch_id         VARCHAR(64)  NOT NULL,
    recipient        VARCHAR(64),
    client_reference VARCHAR(128),
    status           VARCHAR(32)  NOT NULL,
    code             INT,
    reason           VARCHAR(255),
    reported_at_ms   BIGINT       NOT NULL,
    received_at_ms   BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT status_event_callback FOREIGN KEY (callback_id) REFERENCES callback (id),
    CONSTRAINT status_event_message FOREIGN KEY (message_id) REFERENCES message (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX status_event_batch ON status_event (batch_id, recipient);
CREATE INDEX status_event_client_reference ON status_event (client_reference, recipient);
CREATE INDEX status_event_message ON status_event (message_id, reported_at_ms);
CREATE INDEX status_event_parked ON status_event (message_id, received_at_ms);

-- Messages sent to us: SMS (mo_text, mo_binary, mo_media) and Conversation API inbound messages.
CREATE TABLE inbound_message (
    id               CHAR(36)     NOT NULL,
    callback_id      CHAR(36)     NOT NULL,
    sinch_id         VARCHAR(128) NOT NULL,
    type             VARCHAR(64)  NOT NULL,
    sender           VARCHAR(128) NOT NULL,
    recipient        VARCHAR(128),
    body             MEDIUMTEXT,
    client_reference VARCHAR(128),
    sent_at_ms       BIGINT,
    received_at_ms   BIGINT       NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT inbound_message_callback FOREIGN KEY (callback_id) REFERENCES callback (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX inbound_message_sender ON inbound_message (sender, received_at_ms);
CREATE INDEX inbound_message_recipient ON inbound_message (recipient, received_at_ms);
CREATE INDEX inbound_message_received ON inbound_message (received_at_ms);
