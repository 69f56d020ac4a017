package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user opened an account. The e-mail is normalised (trimmed, lower case) and unique among all
 * accounts; the password is stored only as its BCrypt hash.
 */
@Revision("1")
public record UserRegistered(
        UserId userId, String email, String name, String passwordHash, Role role, Instant registeredAt) {}
