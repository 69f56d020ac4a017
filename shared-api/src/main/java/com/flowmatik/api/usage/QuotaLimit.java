package com.flowmatik.api.usage;

/** Which daily limit a refused request ran into. */
public enum QuotaLimit {
    REQUESTS,
    TOKENS
}
