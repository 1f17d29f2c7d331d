-- The pseudonyms of erased phone numbers (a keyed hash, the key outside the database): a callback
-- that arrives after an erasure has its number replaced before it is stored. Never the number.
CREATE TABLE erased_number (
    pseudonym    VARCHAR(32) NOT NULL,
    erased_at_ms BIGINT      NOT NULL,
    PRIMARY KEY (pseudonym)
) DEFAULT CHARSET=utf8mb4;

-- How far retention has replaced old messages' recipients by their pseudonyms (by message id, which
-- grows with time), so that each run starts where the last stopped.
CREATE TABLE retention_progress (
    name     VARCHAR(64) NOT NULL,
    up_to_id CHAR(36)    NOT NULL,
    PRIMARY KEY (name)
) DEFAULT CHARSET=utf8mb4;
INSERT INTO retention_progress (name, up_to_id) VALUES ('message_recipients', '');
