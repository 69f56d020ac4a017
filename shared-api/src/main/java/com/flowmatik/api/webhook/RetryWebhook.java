package com.flowmatik.api.webhook;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Process a failed delivery again. Answers the delivery to process, or {@code null} when it has not
 * failed (nothing to retry).
 *
 * @param requestedBy the operator who asked, or {@code null} when the provider delivered it again
 */
public record RetryWebhook(@TargetAggregateIdentifier String deliveryId, UserId requestedBy, Instant requestedAt) {}
