package com.flowmatik.command.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One claimed e-mail address. Part of the write model, not a read model: it is never replayed. */
@Entity
@Table(name = "registered_email")
class RegisteredEmail {

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

    String email() {
        return email;
    }

    String userId() {
        return userId;
    }
}
