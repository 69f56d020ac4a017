package com.flowmatik.app.auth;

import java.time.Instant;

/** A key just made: the only answer that ever carries {@code key}. */
public record NewApiKeyResponse(String id, String name, String key, String prefix, Instant createdAt) {}
