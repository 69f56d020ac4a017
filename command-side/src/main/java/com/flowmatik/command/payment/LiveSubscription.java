package com.flowmatik.command.payment;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;

/**
 * A paid subscription that has not ended (active or past due), as the {@link Subscription} aggregate
 * knows it from its own events: what the checkout and cancellation decisions need.
 */
public record LiveSubscription(
        PaymentProvider provider,
        String providerSubscriptionId,
        Plan plan,
        SubscriptionStatus status,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd) {}
