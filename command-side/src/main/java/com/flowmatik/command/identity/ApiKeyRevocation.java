package com.flowmatik.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A key revoked in the last hour, numbered in commit order: what every instance polls to refuse a
 * revoked key within a second. Part of the write model; never replayed.
 */
@Entity
@Table(name = "api_key_revocation")
class ApiKeyRevocation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    @Column(name = "revoked_at", nullable = false)
    private Instant revokedAt;

    protected ApiKeyRevocation() {}

    ApiKeyRevocation(String keyId, Instant revokedAt) {
        this.keyId = keyId;
        this.revokedAt = revokedAt;
    }
}
