package com.flowmatik.api.identity;

import java.time.Instant;

/**
 * Someone asked for a reset link for an e-mail address. Only the SHA-256 hash of the single-use
 * token travels; the token itself goes to the mailbox. Answers whether an account has the address,
 * which the web edge never tells the caller.
 */
public record RequestPasswordReset(String email, String tokenHash, Instant expiresAt, Instant requestedAt) {}
