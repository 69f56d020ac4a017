package com.flowmatik.query.users;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.query.EventSequence;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the {@code users} table. Never leaves the query side: callers get a {@link UserView}. */
@Entity
@Table(name = "users")
class UserRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "email", nullable = false, length = 254)
    private String email;

    @Column(name = "name", nullable = false, length = 100)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan", nullable = false, length = 16)
    private Plan plan;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "credentials_version", nullable = false)
    private int credentialsVersion;

    /**
     * The user's account events taken in, so a redelivered one changes nothing: a password change
     * is counted into {@code credentials_version} once.
     */
    @Embedded
    @AttributeOverride(name = "lastEventSequence", column = @Column(name = "last_account_sequence", nullable = false))
    private EventSequence accountSequence = new EventSequence();

    protected UserRow() {}

    UserRow(String id, String email, String name, String passwordHash, Role role, Instant createdAt, long sequence) {
        this.id = id;
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.role = role;
        this.plan = Plan.FREE;
        this.active = true;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.accountSequence.takesIn(sequence);
    }

    /** Takes in the account's event number {@code sequence} when it is new to the row, answering whether it was. */
    boolean takesIn(long sequence) {
        return accountSequence.takesIn(sequence);
    }

    void rename(String name, Instant at) {
        this.name = name;
        this.updatedAt = at;
    }

    void replacePassword(String passwordHash, Instant at) {
        this.passwordHash = passwordHash;
        this.credentialsVersion++;
        this.updatedAt = at;
    }

    void changeRole(Role role, Instant at) {
        this.role = role;
        this.updatedAt = at;
    }

    /**
     * The plan comes from the usage account, whose events this row does not number: delivered
     * again, the change sets the same plan, and the time of the row's last change never goes back.
     */
    void changePlan(Plan plan, Instant at) {
        this.plan = plan;
        if (at.isAfter(updatedAt)) {
            this.updatedAt = at;
        }
    }

    void deactivate(Instant at) {
        this.active = false;
        this.updatedAt = at;
    }

    int credentialsVersion() {
        return credentialsVersion;
    }

    String passwordHash() {
        return passwordHash;
    }

    Role role() {
        return role;
    }

    boolean active() {
        return active;
    }

    String id() {
        return id;
    }

    UserView toView() {
        return new UserView(UserId.of(id), email, name, role, plan, active, createdAt, updatedAt);
    }
}
