package com.flowmatik.app.security;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import java.security.Principal;
import java.time.Instant;

/**
 * The caller of a request, as their verified token says. {@link #getName()} is the user id, so
 * controllers that only take a {@link Principal} get the user id without knowing this type.
 */
public record AuthenticatedUser(UserId userId, Role role, String tokenId, Instant expiresAt) implements Principal {

    @Override
    public String getName() {
        return userId.value();
    }
}
