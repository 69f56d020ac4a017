package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider accepted the user's cancellation: the subscription ends with its current period. */
public record ScheduleCancellation(UserId userId, Instant requestedAt) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
