-- Delivery statistics of settled hours: for each hour of sending, the messages by status (lower
-- case), code and operator, with the times to deliver of the delivered as bucket counts
-- ("bucket:count ..."). An hour is settled once nothing but a late report can change its messages;
-- statistics read these rows for settled hours and the messages themselves for the rest.
CREATE TABLE delivery_hour (
    hour_ms         BIGINT        NOT NULL,
    row_no          INT           NOT NULL,
    status          VARCHAR(32)   NOT NULL,
    code            INT,
    operator        VARCHAR(64),
    messages        BIGINT        NOT NULL,
    delivered_after VARCHAR(8000),
    PRIMARY KEY (hour_ms, row_no)
) DEFAULT CHARSET=utf8mb4;

-- How far the roll-up has come: every hour before hours_before is rolled up; the reports received
-- up to reports_up_to_ms have been looked at for hours to roll up again.
CREATE TABLE delivery_hour_progress (
    name     VARCHAR(64) NOT NULL,
    up_to_ms BIGINT      NOT NULL,
    PRIMARY KEY (name)
) DEFAULT CHARSET=utf8mb4;
INSERT INTO delivery_hour_progress (name, up_to_ms) VALUES ('hours_before', 0);
INSERT INTO delivery_hour_progress (name, up_to_ms) VALUES ('reports_up_to', 0);

-- The roll-up runs on one node of a cluster at a time.
INSERT INTO lease (name, holder, expires_at_ms) VALUES ('statistics', NULL, 0);
