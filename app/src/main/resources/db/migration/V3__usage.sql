-- Read model "usage": AI use per user, UTC day and model, and the log of every AI request.
CREATE TABLE daily_usage (
    user_id           VARCHAR(64)  NOT NULL,
    usage_date        DATE         NOT NULL,
    model             VARCHAR(128) NOT NULL,
    requests          BIGINT       NOT NULL,
    refused           BIGINT       NOT NULL,
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    cost_micros       BIGINT       NOT NULL,
    PRIMARY KEY (user_id, usage_date, model)
) ENGINE = InnoDB;

CREATE TABLE ai_request_log (
    request_id        VARCHAR(64)  NOT NULL,
    user_id           VARCHAR(64)  NOT NULL,
    parent_request_id VARCHAR(64),
    kind              VARCHAR(16)  NOT NULL,
    model             VARCHAR(128) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    reasoning_tokens  BIGINT       NOT NULL,
    cost_micros       BIGINT       NOT NULL,
    estimated         BOOLEAN      NOT NULL,
    failure_reason    VARCHAR(255),
    started_at        DATETIME(6)  NOT NULL,
    finished_at       DATETIME(6),
    PRIMARY KEY (request_id)
) ENGINE = InnoDB;
CREATE INDEX ix_ai_request_log_user ON ai_request_log (user_id, started_at);

-- The plan and daily limits each user is on, as the usage accounts say (null limit = unlimited).
CREATE TABLE usage_limits (
    user_id            VARCHAR(64) NOT NULL,
    plan               VARCHAR(16) NOT NULL,
    requests_per_day   BIGINT,
    tokens_per_day     BIGINT,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB;
