-- Read model "conversations": a user's chats for the conversation list.
CREATE TABLE conversations (
    id            VARCHAR(64)  NOT NULL,
    user_id       VARCHAR(64)  NOT NULL,
    title         VARCHAR(128) NOT NULL,
    message_count INTEGER      NOT NULL,
    started_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB;
CREATE INDEX ix_conversations_user ON conversations (user_id, updated_at);
