package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user set a new password with a reset token; the token is used up and earlier tokens refused. */
@Revision("1")
public record PasswordReset(UserId userId, String passwordHash, Instant resetAt) {}
