package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * An API key stopped working. {@code reason} says who or what ended it: {@value #BY_USER}, or the
 * account change that ends all of a user's keys ({@value #PLAN_DOWNGRADED}, {@value #DEACTIVATED},
 * {@value #PASSWORD_RESET}).
 */
@Revision("1")
public record ApiKeyRevoked(UserId userId, String keyId, String reason, Instant revokedAt) {

    public static final String BY_USER = "revoked-by-user";
    public static final String PLAN_DOWNGRADED = "plan-downgraded";
    public static final String DEACTIVATED = "account-deactivated";
    public static final String PASSWORD_RESET = "password-reset";
}
