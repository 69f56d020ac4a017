package com.flowmatik.query.users;

import com.flowmatik.api.identity.AccountStatus;
import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.EmailAddresses;
import com.flowmatik.api.identity.FindAccountStatus;
import com.flowmatik.api.identity.FindCredentials;
import com.flowmatik.api.identity.FindUser;
import com.flowmatik.api.identity.PasswordChanged;
import com.flowmatik.api.identity.PasswordReset;
import com.flowmatik.api.identity.ProfileUpdated;
import com.flowmatik.api.identity.RoleChanged;
import com.flowmatik.api.identity.UserDeactivated;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.identity.UserView;
import com.flowmatik.api.usage.DailyLimitsChanged;
import java.util.Optional;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

/** Builds the {@code users} table and answers who a user is and how they sign in. */
@Component
@ProcessingGroup(UsersProjection.GROUP)
class UsersProjection {

    static final String GROUP = "users";

    private final UserRows rows;
    private final QueryUpdateEmitter updates;

    UsersProjection(UserRows rows, QueryUpdateEmitter updates) {
        this.rows = rows;
        this.updates = updates;
    }

    @EventHandler
    void on(UserRegistered event, @SequenceNumber long sequence) {
        UserRow row = rows.findById(event.userId().value())
                .orElseGet(() -> new UserRow(
                        event.userId().value(),
                        event.email(),
                        event.name(),
                        event.passwordHash(),
                        event.role(),
                        event.registeredAt(),
                        sequence));
        rows.save(row);
        announce(row);
    }

    @EventHandler
    void on(ProfileUpdated event, @SequenceNumber long sequence) {
        changeAccount(event.userId(), sequence, row -> row.rename(event.name(), event.updatedAt()));
    }

    @EventHandler
    void on(PasswordChanged event, @SequenceNumber long sequence) {
        changeAccount(event.userId(), sequence, row -> row.replacePassword(event.passwordHash(), event.changedAt()));
    }

    @EventHandler
    void on(PasswordReset event, @SequenceNumber long sequence) {
        changeAccount(event.userId(), sequence, row -> row.replacePassword(event.passwordHash(), event.resetAt()));
    }

    @EventHandler
    void on(RoleChanged event, @SequenceNumber long sequence) {
        changeAccount(event.userId(), sequence, row -> row.changeRole(event.role(), event.changedAt()));
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long sequence) {
        changeAccount(event.userId(), sequence, row -> row.deactivate(event.deactivatedAt()));
    }

    @EventHandler
    void on(DailyLimitsChanged event) {
        change(event.userId(), row -> row.changePlan(event.plan(), event.changedAt()));
    }

    /** A change from the user's own account, taken in once however often it is delivered. */
    private void changeAccount(UserId userId, long sequence, Consumer<UserRow> change) {
        UserRow row = existing(userId);
        if (row.takesIn(sequence)) {
            change.accept(row);
            rows.save(row);
            announce(row);
        }
    }

    /** A change from another aggregate (the usage account): it sets a value, so a redelivery sets it again. */
    private void change(UserId userId, Consumer<UserRow> change) {
        UserRow row = existing(userId);
        change.accept(row);
        rows.save(row);
        announce(row);
    }

    private UserRow existing(UserId userId) {
        return rows.findById(userId.value())
                .orElseThrow(
                        () -> new IllegalStateException("users has no row for " + userId + "; replay the projection"));
    }

    /** Tells subscribers (a caller waiting to read its own write) that the user changed. */
    private void announce(UserRow row) {
        UserId userId = UserId.of(row.id());
        updates.emit(FindUser.class, query -> query.userId().equals(userId), row.toView());
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    Optional<UserView> handle(FindUser query) {
        return rows.findById(query.userId().value()).map(UserRow::toView);
    }

    @QueryHandler
    Optional<Credentials> handle(FindCredentials query) {
        Optional<UserRow> row = query.userId() != null
                ? rows.findById(query.userId().value())
                : rows.findByEmail(EmailAddresses.normalize(query.email()));
        return row.map(found -> new Credentials(
                UserId.of(found.id()), found.passwordHash(), found.role(), found.active(), found.credentialsVersion()));
    }

    @QueryHandler
    Optional<AccountStatus> handle(FindAccountStatus query) {
        return rows.findById(query.userId().value())
                .map(row -> new AccountStatus(UserId.of(row.id()), row.role(), row.active(), row.credentialsVersion()));
    }
}
