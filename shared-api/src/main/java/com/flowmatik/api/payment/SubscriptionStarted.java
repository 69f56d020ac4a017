package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A user's paid subscription began (or began again after an earlier one ended). */
@Revision("1")
public record SubscriptionStarted(
        UserId userId,
        PaymentProvider provider,
        String providerSubscriptionId,
        String providerCustomerId,
        Plan plan,
        SubscriptionStatus status,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        Instant startedAt) {}
