package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider has a payment method on file for the user. Answers whether anything changed. */
public record AttachPaymentMethod(UserId userId, PaymentMethod method, Instant attachedAt) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
