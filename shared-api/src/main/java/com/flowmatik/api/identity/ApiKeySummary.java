package com.flowmatik.api.identity;

import java.time.Instant;

/** An API key as its owner sees it in a list: never the key, only its prefix. */
public record ApiKeySummary(String id, String name, String prefix, Instant createdAt, Instant lastUsedAt) {}
