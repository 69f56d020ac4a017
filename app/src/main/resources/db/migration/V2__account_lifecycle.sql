-- Write model: which account a password-reset token (SHA-256 hash) was issued for.
CREATE TABLE password_reset_token (
    token_hash VARCHAR(64) NOT NULL,
    user_id    VARCHAR(64) NOT NULL,
    PRIMARY KEY (token_hash)
) ENGINE = InnoDB;

-- Read model "users": raised by every password change or reset; tokens carry the version they
-- were issued at and older ones are refused.
ALTER TABLE users ADD COLUMN credentials_version INTEGER NOT NULL DEFAULT 0;
