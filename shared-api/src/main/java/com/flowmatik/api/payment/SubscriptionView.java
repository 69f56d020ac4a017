package com.flowmatik.api.payment;

import com.flowmatik.api.plan.Plan;
import java.time.Instant;

/**
 * A user's subscription as the read model holds it. A user who never subscribed is on the free plan
 * with no status and no provider; after a cancellation the plan is free and the status canceled.
 */
public record SubscriptionView(
        Plan plan,
        SubscriptionStatus status,
        PaymentProvider provider,
        String providerSubscriptionId,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd) {

    public static SubscriptionView free() {
        return new SubscriptionView(Plan.FREE, null, null, null, null, false);
    }

    /** A paid plan that has not ended: the user can cancel it. */
    public boolean cancellable() {
        return status == SubscriptionStatus.ACTIVE || status == SubscriptionStatus.PAST_DUE;
    }
}
