package com.flowmatik.query.users;

import com.flowmatik.api.identity.Credentials;
import com.flowmatik.api.identity.EmailAddresses;
import com.flowmatik.api.identity.FindCredentials;
import com.flowmatik.api.identity.FindUser;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.flowmatik.api.identity.UserView;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
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
    void on(UserRegistered event) {
        UserRow row = rows.findById(event.userId().value())
                .orElseGet(() -> new UserRow(
                        event.userId().value(),
                        event.email(),
                        event.name(),
                        event.passwordHash(),
                        event.role(),
                        event.registeredAt()));
        rows.save(row);
        updates.emit(FindUser.class, query -> query.userId().equals(event.userId()), row.toView());
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
        return rows.findByEmail(EmailAddresses.normalize(query.email()))
                .map(row -> new Credentials(UserId.of(row.id()), row.passwordHash(), row.role(), row.active()));
    }
}
