package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The provider could not collect an invoice; it may try again. */
@Revision("1")
public record PaymentFailed(
        UserId userId, PaymentProvider provider, String invoiceId, Money amount, String reason, Instant failedAt) {}
