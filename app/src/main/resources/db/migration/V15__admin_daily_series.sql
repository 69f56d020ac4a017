-- Read model "admin-metrics", its daily series: each user's subscription as the MRR counts it, at the
-- end of every UTC day on which it changed. The MRR of a day is then the sum, over users, of their
-- latest row up to that day: a replay yields the same rows, and so the same series.
CREATE TABLE admin_subscription_day (
    user_id     VARCHAR(64) NOT NULL,
    metric_date DATE        NOT NULL,
    plan        VARCHAR(16) NOT NULL,
    live        BOOLEAN     NOT NULL,
    PRIMARY KEY (user_id, metric_date)
) ENGINE = InnoDB;
CREATE INDEX ix_admin_subscription_day_date ON admin_subscription_day (metric_date);
