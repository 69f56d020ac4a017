package com.flowmatik.api.payment;

import java.util.Locale;

/**
 * Where a subscription stands. A trial counts as active; a subscription whose renewal payment failed
 * is past due and keeps its plan while the provider retries; a canceled one has ended.
 */
public enum SubscriptionStatus {
    ACTIVE,
    PAST_DUE,
    CANCELED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
