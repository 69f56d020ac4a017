-- Read model "conversations": each message of a chat, so that a front end can reload it. Filled
-- from MessageAdded; conversations older than this table get their messages by a replay of the
-- "conversations" projection (POST /api/admin/replay/conversations).
CREATE TABLE conversation_messages (
    id              VARCHAR(96) NOT NULL,
    conversation_id VARCHAR(64) NOT NULL,
    sequence_number BIGINT      NOT NULL,
    role            VARCHAR(16) NOT NULL,
    content         LONGTEXT    NOT NULL,
    request_id      VARCHAR(64),
    added_at        DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
CREATE INDEX ix_conversation_messages_conversation ON conversation_messages (conversation_id, sequence_number);
