package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.plan.Plan;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hold the user's one checkout before a provider is asked to open it: refused while a paid plan is
 * live or another checkout is still pending, so that two attempts at once cannot both reach a
 * provider. Answers the instant the checkout expires, which the provider is told too.
 *
 * @param attemptId names this attempt, for {@link AbandonCheckout} if the provider call fails
 */
public record BeginCheckout(UserId userId, PaymentProvider provider, Plan plan, String attemptId, Instant at) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
