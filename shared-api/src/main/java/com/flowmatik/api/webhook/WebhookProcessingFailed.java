package com.flowmatik.api.webhook;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Processing a delivery failed; it waits for a retry. {@code attempt} counts from 1. */
@Revision("1")
public record WebhookProcessingFailed(
        String deliveryId,
        PaymentProvider provider,
        String eventType,
        UserId userId,
        String error,
        int attempt,
        Instant failedAt) {}
