package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider opened no checkout for the attempt: the user may try again at once. Changes nothing
 * unless the attempt is still the pending one. Answers whether it was.
 */
public record AbandonCheckout(UserId userId, String attemptId, String reason, Instant at) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
