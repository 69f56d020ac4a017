package com.flowmatik.api.payment;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A payment method is no longer on file. */
@Revision("1")
public record PaymentMethodDetached(
        UserId userId, PaymentProvider provider, String paymentMethodId, Instant detachedAt) {}
