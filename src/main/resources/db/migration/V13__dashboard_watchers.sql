-- The nodes that have a dashboard watching, until when: messages' changes are published only while
-- one node or another has one, so that a cluster nobody watches spends nothing on them.
CREATE TABLE watching_node (
    node     VARCHAR(255) NOT NULL,
    until_ms BIGINT       NOT NULL,
    PRIMARY KEY (node)
) DEFAULT CHARSET=utf8mb4;
