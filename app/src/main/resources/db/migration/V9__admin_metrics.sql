-- Read model "admin-metrics": the operators' numbers, built from events only. Every count is on the
-- UTC day of the time its event carries, so a replay yields the same rows.

-- What each user did on each day: the rows are per user so that one processor segment owns each.
CREATE TABLE admin_user_day (
    user_id         VARCHAR(64) NOT NULL,
    metric_date     DATE        NOT NULL,
    registered      BOOLEAN     NOT NULL,
    requests        BIGINT      NOT NULL,
    tokens          BIGINT      NOT NULL,
    ai_cost_micros  BIGINT      NOT NULL,
    quota_refusals  BIGINT      NOT NULL,
    failed_payments BIGINT      NOT NULL,
    PRIMARY KEY (user_id, metric_date)
) ENGINE = InnoDB;
CREATE INDEX ix_admin_user_day_date ON admin_user_day (metric_date);

-- What each user's AI use has cost, in micro-dollars, since they began.
CREATE TABLE admin_user_cost (
    user_id     VARCHAR(64) NOT NULL,
    cost_micros BIGINT      NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB;
CREATE INDEX ix_admin_user_cost_cost ON admin_user_cost (cost_micros);

-- Every collected invoice, once, on the day it was paid.
CREATE TABLE admin_revenue (
    provider   VARCHAR(16)  NOT NULL,
    invoice_id VARCHAR(255) NOT NULL,
    user_id    VARCHAR(64)  NOT NULL,
    paid_date  DATE         NOT NULL,
    amount     BIGINT       NOT NULL,
    currency   VARCHAR(3)   NOT NULL,
    PRIMARY KEY (provider, invoice_id)
) ENGINE = InnoDB;
CREATE INDEX ix_admin_revenue_paid ON admin_revenue (paid_date);

-- Each user's subscription as the MRR counts it: its plan and whether it still renews.
CREATE TABLE admin_subscription (
    user_id VARCHAR(64) NOT NULL,
    plan    VARCHAR(16) NOT NULL,
    live    BOOLEAN     NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB;

-- Events already added to a counter: a redelivered event is not counted twice.
CREATE TABLE admin_counted_event (
    event_id VARCHAR(255) NOT NULL,
    PRIMARY KEY (event_id)
) ENGINE = InnoDB;
