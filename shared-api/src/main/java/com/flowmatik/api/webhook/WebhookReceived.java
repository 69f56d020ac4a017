package com.flowmatik.api.webhook;

import com.flowmatik.api.payment.PaymentProvider;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A provider delivered an event with a valid signature; the raw body is kept for audit and retries. */
@Revision("1")
public record WebhookReceived(
        String deliveryId, PaymentProvider provider, String eventType, String payload, Instant receivedAt) {}
