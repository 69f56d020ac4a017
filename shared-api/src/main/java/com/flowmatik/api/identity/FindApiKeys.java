package com.flowmatik.api.identity;

/** A user's API keys that still work, oldest first; answers a list of {@link ApiKeySummary}. */
public record FindApiKeys(UserId userId) {}
