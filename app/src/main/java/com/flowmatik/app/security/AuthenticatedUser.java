package com.flowmatik.app.security;

import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import java.security.Principal;
import java.time.Instant;

/**
 * The caller of a request, as their verified token says. {@link #getName()} is the user id, so
 * controllers that only take a {@link Principal} get the user id without knowing this type.
 */
public record AuthenticatedUser(UserId userId, Role role, String tokenId, Instant expiresAt, int credentialsVersion)
        implements Principal {

    /** The same caller with the role their account holds now, which may differ from the token's. */
    public AuthenticatedUser withRole(Role current) {
        return new AuthenticatedUser(userId, current, tokenId, expiresAt, credentialsVersion);
    }

    @Override
    public String getName() {
        return userId.value();
    }
}
