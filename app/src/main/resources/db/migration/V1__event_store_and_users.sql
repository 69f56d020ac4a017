-- Axon's event store, snapshots, tracking tokens, sagas and dead letters, then the first tables of
-- each side. One history for H2 (MySQL mode), MySQL 8 and MariaDB 10.11.

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL AUTO_INCREMENT,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            LONGBLOB,
    payload              LONGBLOB     NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    PRIMARY KEY (global_index),
    CONSTRAINT uk_domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT uk_domain_event_entry_event_identifier UNIQUE (event_identifier)
) ENGINE = InnoDB;

CREATE TABLE snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    meta_data            LONGBLOB,
    payload              LONGBLOB     NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT uk_snapshot_event_entry_event_identifier UNIQUE (event_identifier)
) ENGINE = InnoDB;

CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          LONGBLOB,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
) ENGINE = InnoDB;

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga LONGBLOB,
    PRIMARY KEY (saga_id)
) ENGINE = InnoDB;

CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    PRIMARY KEY (id)
) ENGINE = InnoDB;
CREATE INDEX ix_association_value_entry_saga ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX ix_association_value_entry_saga_id ON association_value_entry (saga_id, saga_type);

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255) NOT NULL,
    processing_group     VARCHAR(255) NOT NULL,
    sequence_identifier  VARCHAR(255) NOT NULL,
    sequence_index       BIGINT       NOT NULL,
    message_type         VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              LONGBLOB     NOT NULL,
    meta_data            LONGBLOB,
    type                 VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    sequence_number      BIGINT,
    token_type           VARCHAR(255),
    token                LONGBLOB,
    enqueued_at          DATETIME(6)  NOT NULL,
    last_touched         DATETIME(6),
    processing_started   DATETIME(6),
    cause_type           VARCHAR(255),
    cause_message        VARCHAR(1023),
    diagnostics          LONGBLOB,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT uk_dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
) ENGINE = InnoDB;
CREATE INDEX ix_dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX ix_dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- Write model: the set of e-mail addresses in use, extended in the transaction of each registration.
CREATE TABLE registered_email (
    email   VARCHAR(254) NOT NULL,
    user_id VARCHAR(64)  NOT NULL,
    PRIMARY KEY (email)
) ENGINE = InnoDB;

-- Read model (processing group "users").
CREATE TABLE users (
    id            VARCHAR(64)  NOT NULL,
    email         VARCHAR(254) NOT NULL,
    name          VARCHAR(100) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(16)  NOT NULL,
    plan          VARCHAR(16)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_email UNIQUE (email)
) ENGINE = InnoDB;
