package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider collected an invoice. */
@Revision("1")
public record PaymentSucceeded(
        UserId userId, PaymentProvider provider, String invoiceId, Money amount, Instant paidAt) {}
