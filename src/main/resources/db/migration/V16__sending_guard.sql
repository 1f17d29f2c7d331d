-- What each user has sent in its current minute and its current day (UTC), a message a recipient,
-- so that the sending guard's rate and quota hold on every node and across restarts. One row per
-- user and period; a send locks its user's two rows, so one user's sends never wait for another's.
CREATE TABLE sending_usage (
    user_name       VARCHAR(255) NOT NULL,
    period          VARCHAR(8)   NOT NULL,
    period_start_ms BIGINT       NOT NULL,
    messages        INT          NOT NULL,
    PRIMARY KEY (user_name, period)
) DEFAULT CHARSET=utf8mb4;

-- Sends the guard refused, for operators (GET /api/sending-guard, the dashboard): who, when, which
-- rule, and the refused value with its number masked. Deleted after RETENTION_DAYS.
CREATE TABLE sending_refusal (
    id            CHAR(36)     NOT NULL,
    refused_at_ms BIGINT       NOT NULL,
    user_name     VARCHAR(255) NOT NULL,
    reason        VARCHAR(16)  NOT NULL,
    field         VARCHAR(16)  NOT NULL,
    detail        VARCHAR(255) NOT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;
CREATE INDEX sending_refusal_age ON sending_refusal (refused_at_ms);
