-- Failed sign-ins per account (the e-mail as typed, lower-cased, whether or not it has an account)
-- and the backoff they earned, shared by every instance; and the addresses each account signed in
-- from, which the account's backoff does not hold back (an attacker cannot lock the user out).
CREATE TABLE sign_in_failure (
    account        VARCHAR(320) NOT NULL,
    failures       INTEGER      NOT NULL,
    last_failed_at DATETIME(6)  NOT NULL,
    blocked_until  DATETIME(6)  NULL,
    PRIMARY KEY (account)
) ENGINE = InnoDB;

CREATE TABLE sign_in_address (
    account        VARCHAR(320) NOT NULL,
    address        VARCHAR(64)  NOT NULL,
    last_signed_in DATETIME(6)  NOT NULL,
    PRIMARY KEY (account, address)
) ENGINE = InnoDB;
