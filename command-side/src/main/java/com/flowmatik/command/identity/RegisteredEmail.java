package com.flowmatik.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * One claimed e-mail address. Part of the write model, not a read model: it is never replayed.
 * Always new when saved, so that saving is an INSERT that the primary key can refuse, never a
 * merge that would quietly overwrite a concurrent claim.
 */
@Entity
@Table(name = "registered_email")
class RegisteredEmail implements Persistable<String> {

    @Id
    @Column(name = "email", length = 254)
    private String email;

    @Column(name = "user_id", nullable = false, length = 64)
    private String userId;

    protected RegisteredEmail() {}

    RegisteredEmail(String email, String userId) {
        this.email = email;
        this.userId = userId;
    }

    @Override
    public String getId() {
        return email;
    }

    @Override
    @Transient
    public boolean isNew() {
        return true;
    }

    String userId() {
        return userId;
    }
}
