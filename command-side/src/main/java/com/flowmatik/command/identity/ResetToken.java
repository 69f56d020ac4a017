package com.flowmatik.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * Which account a reset token (by its SHA-256 hash) belongs to. Whether it still works is the
 * account's decision: it knows the latest token, its expiry, and whether it was used.
 */
@Entity
@Table(name = "password_reset_token")
class ResetToken implements Persistable<String> {

    @Id
    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    protected ResetToken() {}

    ResetToken(String tokenHash, String userId) {
        this.tokenHash = tokenHash;
        this.userId = userId;
    }

    String userId() {
        return userId;
    }

    @Override
    public String getId() {
        return tokenHash;
    }

    @Override
    @Transient
    public boolean isNew() {
        return true;
    }
}
