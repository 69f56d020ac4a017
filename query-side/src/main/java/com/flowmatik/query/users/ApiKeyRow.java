package com.flowmatik.query.users;

import com.flowmatik.api.identity.ApiKeySummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the {@code api_keys} table: a key a user made, kept after it is revoked. */
@Entity
@Table(name = "api_keys")
class ApiKeyRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "prefix", nullable = false, length = 32)
    private String prefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason", length = 64)
    private String revokeReason;

    protected ApiKeyRow() {}

    ApiKeyRow(String id, String userId, String name, String prefix, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.name = name;
        this.prefix = prefix;
        this.createdAt = createdAt;
    }

    void revoke(String reason, Instant at) {
        this.revokedAt = at;
        this.revokeReason = reason;
    }

    String id() {
        return id;
    }

    ApiKeySummary toSummary(Instant lastUsedAt) {
        return new ApiKeySummary(id, name, prefix, createdAt, lastUsedAt);
    }
}
