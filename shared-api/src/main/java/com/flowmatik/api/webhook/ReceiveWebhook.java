package com.flowmatik.api.webhook;

import com.flowmatik.api.payment.PaymentProvider;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a delivery whose signature was verified. A second delivery of the same event fails as a
 * duplicate: the aggregate already exists.
 *
 * @param payload the raw body, as signed
 */
public record ReceiveWebhook(
        @TargetAggregateIdentifier String deliveryId,
        PaymentProvider provider,
        String eventType,
        String payload,
        Instant receivedAt) {}
