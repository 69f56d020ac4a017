package com.flowmatik.query.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a key was last used, as the instances that authenticate with it record it (read here only). */
@Entity
@Table(name = "api_key_last_use")
class ApiKeyLastUse {

    @Id
    @Column(name = "key_id", length = 64)
    private String keyId;

    @Column(name = "last_used_at", nullable = false)
    private Instant lastUsedAt;

    protected ApiKeyLastUse() {}

    String keyId() {
        return keyId;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }
}
