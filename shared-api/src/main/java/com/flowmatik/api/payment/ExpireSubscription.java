package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The period a canceling subscription was paid for is over. Changes nothing if the cancellation was
 * withdrawn or the period moved since the deadline was set.
 *
 * @param periodEnd the end of period the deadline was set for
 */
public record ExpireSubscription(UserId userId, Instant periodEnd, Instant expiredAt) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
