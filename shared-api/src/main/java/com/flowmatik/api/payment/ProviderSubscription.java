package com.flowmatik.api.payment;

import com.flowmatik.api.plan.Plan;
import java.time.Instant;

/**
 * A subscription as the provider described it at one moment.
 *
 * @param subscriptionId the provider's id ({@code sub_…} at Stripe, a number at LemonSqueezy)
 * @param customerId the provider's customer, when it names one
 * @param price the plan's monthly price as sold when the report arrived: it is recorded with the
 *     start or plan change it causes
 * @param currentPeriodEnd when the paid period ends (and the subscription renews or ends)
 * @param cancelAtPeriodEnd the subscription ends at {@code currentPeriodEnd} instead of renewing
 */
public record ProviderSubscription(
        PaymentProvider provider,
        String subscriptionId,
        String customerId,
        Plan plan,
        Money price,
        SubscriptionStatus status,
        Instant currentPeriodEnd,
        boolean cancelAtPeriodEnd) {}
