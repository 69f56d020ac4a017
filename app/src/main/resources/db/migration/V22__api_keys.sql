-- API keys (issue 13). Keys themselves are never stored: only their HMAC-SHA256 (hex).

-- Write side: which account a key's hash acts for, kept by the account-lookups subscribing
-- processor in the same transaction as ApiKeyCreated / ApiKeyRevoked, so a key works the moment
-- its creation commits and stops the moment its revocation does. Never replayed.
CREATE TABLE api_key_owner (
    hash    VARCHAR(64) NOT NULL,
    key_id  VARCHAR(64) NOT NULL,
    user_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (hash),
    UNIQUE KEY uk_api_key_owner_key_id (key_id)
) ENGINE = InnoDB;

-- Read model (processing group "users"): every key a user made, revoked ones kept for the record.
CREATE TABLE api_keys (
    id            VARCHAR(64)  NOT NULL,
    user_id       VARCHAR(64)  NOT NULL,
    name          VARCHAR(100) NOT NULL,
    prefix        VARCHAR(32)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    revoked_at    DATETIME(6)  NULL,
    revoke_reason VARCHAR(64)  NULL,
    PRIMARY KEY (id),
    KEY ix_api_keys_user_id (user_id, revoked_at)
) ENGINE = InnoDB;

-- When each key was last used: written by the instances that authenticate with it, at most once a
-- minute per key; not rebuilt by a replay (it is not in any event).
CREATE TABLE api_key_last_use (
    key_id       VARCHAR(64) NOT NULL,
    last_used_at DATETIME(6) NOT NULL,
    PRIMARY KEY (key_id)
) ENGINE = InnoDB;

-- Write side: the revocations of the last hour, in the order they committed, kept by the same
-- processor in the same transaction as ApiKeyRevoked. Every instance polls new rows (by id) several
-- times a second, so a revoked key is refused everywhere within a second whatever the event
-- processors' delay; rows older than an hour are deleted (a revoked key's lookup row is gone by then).
CREATE TABLE api_key_revocation (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    key_id     VARCHAR(64) NOT NULL,
    revoked_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_api_key_revocation_revoked_at (revoked_at)
) ENGINE = InnoDB;
