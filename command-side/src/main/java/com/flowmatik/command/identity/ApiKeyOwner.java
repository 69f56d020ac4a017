package com.flowmatik.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * One working API key: its hash and the account it acts for. Part of the write model, not a read
 * model: the edge finds a key's owner here without waiting for any projection. Always new when
 * saved, so that saving is an INSERT.
 */
@Entity
@Table(name = "api_key_owner")
class ApiKeyOwner implements Persistable<String> {

    @Id
    @Column(name = "hash", length = 64)
    private String hash;

    @Column(name = "key_id", nullable = false, length = 64)
    private String keyId;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    protected ApiKeyOwner() {}

    ApiKeyOwner(String hash, String keyId, String userId) {
        this.hash = hash;
        this.keyId = keyId;
        this.userId = userId;
    }

    @Override
    public String getId() {
        return hash;
    }

    @Override
    @Transient
    public boolean isNew() {
        return true;
    }
}
