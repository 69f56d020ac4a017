package com.flowmatik.api.identity;

import java.time.Instant;

/** Set a new password with a reset token (by its hash). Answers the user id the token belonged to. */
public record ResetPassword(String tokenHash, String newPasswordHash, Instant resetAt) {}
