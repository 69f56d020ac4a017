package com.flowmatik.app.security;

import com.flowmatik.api.identity.AccountStatus;
import com.flowmatik.api.identity.PasswordChanged;
import com.flowmatik.api.identity.PasswordReset;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.RoleChanged;
import com.flowmatik.api.identity.UserDeactivated;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.identity.UserRegistered;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Whether an account's tokens count (active, role, credentials version), asked on every
 * authenticated request and answered from memory. An account missing here is read from its own
 * events in the event store, which is never behind, unlike a read model; the instance's per-instance
 * processor ({@link AccountChanges}) drops an account as soon as one of its changes is stored, on
 * this instance or any other, so the next request reads it again.
 */
@Component
class AccountStatuses {

    private final Cache<UserId, AccountStatus> statuses = Caffeine.newBuilder()
            .maximumSize(200_000)
            // a safety net only: changes arrive as events
            .expireAfterWrite(Duration.ofMinutes(30))
            .build();
    private final EventStore events;

    AccountStatuses(EventStore events) {
        this.events = events;
    }

    Optional<AccountStatus> of(UserId user) {
        return Optional.ofNullable(statuses.get(user, this::fromEvents));
    }

    /** Forgets the account an event changed, if it is one of the account's changes that count for tokens. */
    void changedBy(Object event) {
        UserId account = accountChangedBy(event);
        if (account != null) {
            statuses.invalidate(account);
        }
    }

    /** The account whose token-relevant state the event changes, or {@code null} for any other event. */
    static UserId accountChangedBy(Object event) {
        if (event instanceof UserRegistered registered) {
            return registered.userId();
        } else if (event instanceof RoleChanged role) {
            return role.userId();
        } else if (event instanceof UserDeactivated deactivated) {
            return deactivated.userId();
        } else if (event instanceof PasswordChanged password) {
            return password.userId();
        } else if (event instanceof PasswordReset reset) {
            return reset.userId();
        }
        return null;
    }

    /** The account's status as its events leave it; {@code null} (not kept) when it has none. */
    private AccountStatus fromEvents(UserId user) {
        AccountStatus status = null;
        DomainEventStream stream = events.readEvents(user.value());
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Object payload = event.getPayload();
            if (payload instanceof UserRegistered registered) {
                status = new AccountStatus(user, registered.role() == null ? Role.USER : registered.role(), true, 0);
            } else if (status == null) {
                continue;
            } else if (payload instanceof RoleChanged changed) {
                status = new AccountStatus(user, changed.role(), status.active(), status.credentialsVersion());
            } else if (payload instanceof UserDeactivated) {
                status = new AccountStatus(user, status.role(), false, status.credentialsVersion());
            } else if (payload instanceof PasswordChanged || payload instanceof PasswordReset) {
                status = new AccountStatus(user, status.role(), status.active(), status.credentialsVersion() + 1);
            }
        }
        return status;
    }
}
