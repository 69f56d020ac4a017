-- Write model "usage ingest": the receipt of every usage event ever accepted, per user and the
-- caller's idempotency key, inserted in the transaction that appends its UsageRecorded event. The
-- primary key is what makes a concurrent second claim of one id fail and roll its batch back.
-- id_hash is the SHA-256 of the caller's id: exact bytes whatever the collation, in 32 bytes.
CREATE TABLE usage_receipt (
    user_id     VARCHAR(64)  NOT NULL,
    id_hash     BINARY(32)   NOT NULL,
    event_id    VARCHAR(128) NOT NULL,
    body_hash   CHAR(64)     NOT NULL,
    request_id  VARCHAR(64)  NOT NULL,
    cost_micros BIGINT       NOT NULL,
    over_quota  BOOLEAN      NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id, id_hash)
) ENGINE = InnoDB;
