-- Read model "subscriptions": each user's one subscription as the providers last described it.
-- A user without a row never subscribed (free plan, no status).
CREATE TABLE subscription (
    user_id                  VARCHAR(64)  NOT NULL,
    plan                     VARCHAR(16)  NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    provider                 VARCHAR(16)  NOT NULL,
    provider_subscription_id VARCHAR(255),
    provider_customer_id     VARCHAR(255),
    current_period_end       DATETIME(6),
    cancel_at_period_end     BOOLEAN      NOT NULL,
    started_at               DATETIME(6)  NOT NULL,
    canceled_at              DATETIME(6),
    updated_at               DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB;

-- Read model "invoices": invoices (keyed by provider and the provider's id) with their lines, and
-- the payment methods on file.
CREATE TABLE invoice (
    provider                 VARCHAR(16)  NOT NULL,
    invoice_id               VARCHAR(255) NOT NULL,
    user_id                  VARCHAR(64)  NOT NULL,
    invoice_number           VARCHAR(255),
    provider_subscription_id VARCHAR(255),
    status                   VARCHAR(16)  NOT NULL,
    total_amount             BIGINT       NOT NULL,
    total_currency           VARCHAR(3)   NOT NULL,
    issued_at                DATETIME(6)  NOT NULL,
    paid_at                  DATETIME(6),
    failed_attempts          INTEGER      NOT NULL,
    last_failure_reason      VARCHAR(1023),
    last_failed_at           DATETIME(6),
    PRIMARY KEY (provider, invoice_id)
) ENGINE = InnoDB;
CREATE INDEX ix_invoice_user ON invoice (user_id, issued_at);

CREATE TABLE invoice_line (
    provider        VARCHAR(16)   NOT NULL,
    invoice_id      VARCHAR(255)  NOT NULL,
    line_index      INTEGER       NOT NULL,
    description     VARCHAR(1023),
    quantity        BIGINT        NOT NULL,
    amount          BIGINT        NOT NULL,
    currency        VARCHAR(3)    NOT NULL,
    PRIMARY KEY (provider, invoice_id, line_index),
    CONSTRAINT fk_invoice_line_invoice FOREIGN KEY (provider, invoice_id) REFERENCES invoice (provider, invoice_id)
) ENGINE = InnoDB;

CREATE TABLE payment_method (
    provider          VARCHAR(16)  NOT NULL,
    payment_method_id VARCHAR(255) NOT NULL,
    user_id           VARCHAR(64)  NOT NULL,
    brand             VARCHAR(64),
    last4             VARCHAR(8),
    exp_month         INTEGER      NOT NULL,
    exp_year          INTEGER      NOT NULL,
    attached_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (provider, payment_method_id)
) ENGINE = InnoDB;
CREATE INDEX ix_payment_method_user ON payment_method (user_id, attached_at);

-- Read model "webhooks": every provider delivery and where its processing stands.
CREATE TABLE webhook_delivery (
    delivery_id    VARCHAR(255)  NOT NULL,
    provider       VARCHAR(16)   NOT NULL,
    event_type     VARCHAR(128)  NOT NULL,
    status         VARCHAR(16)   NOT NULL,
    user_id        VARCHAR(64),
    attempts       INTEGER       NOT NULL,
    last_error     VARCHAR(1023),
    last_failed_at DATETIME(6),
    received_at    DATETIME(6)   NOT NULL,
    processed_at   DATETIME(6),
    PRIMARY KEY (delivery_id)
) ENGINE = InnoDB;
CREATE INDEX ix_webhook_delivery_status ON webhook_delivery (status);
CREATE INDEX ix_webhook_delivery_failed_at ON webhook_delivery (last_failed_at);
