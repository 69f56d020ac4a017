-- Tokens signed out before they expire, by jti: the durable record every instance rebuilds its
-- in-memory denylist from (at start, then by polling new rows), so that neither a restart nor a
-- Redis outage lets a signed-out token back in. Rows are deleted once their token has expired.
CREATE TABLE revoked_token (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    token_id   VARCHAR(64) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_revoked_token_token_id (token_id),
    KEY ix_revoked_token_expires_at (expires_at)
) ENGINE = InnoDB;
