package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A user's paid subscription began (or began again after an earlier one ended), at the monthly
 * {@code price} it was sold at: the MRR counts this price, not whatever the plan costs later.
 * Revision 1 had no price; {@link SubscriptionPriceUpcasters} gives it the price of its time.
 */
@Revision("2")
public record SubscriptionStarted(
        UserId userId,
        PaymentProvider provider,
        String providerSubscriptionId,
        String providerCustomerId,
        Plan plan,
        Money price,
        SubscriptionStatus status,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd,
        Instant startedAt) {}
