-- Write side (not a read model, never replayed): the customer each payment provider keeps for a
-- user. One customer per user and provider; webhooks name the customer, and this finds the user.
CREATE TABLE payment_customer (
    provider    VARCHAR(16)  NOT NULL,
    customer_id VARCHAR(128) NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (provider, customer_id),
    CONSTRAINT uk_payment_customer_user UNIQUE (provider, user_id)
) ENGINE = InnoDB;
