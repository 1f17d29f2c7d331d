-- Who erased a phone number, when, and how many rows and queued messages it touched; never the number.
CREATE TABLE erasure (
    id               CHAR(36)     NOT NULL,
    requested_by     VARCHAR(255) NOT NULL,
    erased_at_ms     BIGINT       NOT NULL,
    messages         INT          NOT NULL,
    status_events    INT          NOT NULL,
    callbacks        INT          NOT NULL,
    inbound_messages INT          NOT NULL,
    submissions      INT          NOT NULL,
    dead_letters     INT          NOT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;
