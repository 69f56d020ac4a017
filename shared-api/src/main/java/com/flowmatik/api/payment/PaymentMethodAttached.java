package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A payment method is on file for the user; the most recently attached one is their default. */
@Revision("1")
public record PaymentMethodAttached(
        UserId userId,
        PaymentProvider provider,
        String paymentMethodId,
        String brand,
        String last4,
        int expMonth,
        int expYear,
        Instant attachedAt) {}
