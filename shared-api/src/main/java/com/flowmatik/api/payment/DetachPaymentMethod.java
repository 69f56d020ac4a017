package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The provider no longer has the payment method on file. Answers whether anything changed. */
public record DetachPaymentMethod(UserId userId, PaymentProvider provider, String paymentMethodId, Instant detachedAt) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
