-- Why the consumer last failed a callback (masked of phone numbers): what an operator reads beside
-- its dead letter. One row per callback, replaced at each failure; purged with the callbacks.
CREATE TABLE callback_failure (
    callback_id  CHAR(36)      NOT NULL,
    failed_at_ms BIGINT        NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (callback_id)
) DEFAULT CHARSET=utf8mb4;
