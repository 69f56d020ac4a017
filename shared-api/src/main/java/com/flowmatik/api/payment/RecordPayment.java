package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The provider collected an invoice, or failed to. The invoice is issued on its first report; a
 * second success for the same invoice changes nothing. Answers whether anything changed.
 *
 * @param failureReason why collection failed, for {@link PaymentOutcome#FAILED}
 */
public record RecordPayment(UserId userId, Invoice invoice, PaymentOutcome outcome, String failureReason, Instant at) {

    @TargetAggregateIdentifier
    public String subscriptionId() {
        return SubscriptionIds.of(userId);
    }
}
