package com.flowmatik.api.identity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A reset link was issued for the account. The token is stored only as its SHA-256 hash and works
 * once, until {@code expiresAt}; a newer request replaces it.
 */
@Revision("1")
public record PasswordResetRequested(UserId userId, String tokenHash, Instant expiresAt, Instant requestedAt) {}
