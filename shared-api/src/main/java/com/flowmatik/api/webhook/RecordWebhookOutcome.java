package com.flowmatik.api.webhook;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * How processing a delivery ended: {@link WebhookStatus#PROCESSED}, {@link WebhookStatus#IGNORED}, or
 * {@link WebhookStatus#FAILED} with the error.
 *
 * @param userId the user the delivery was about, when it could be told
 */
public record RecordWebhookOutcome(
        @TargetAggregateIdentifier String deliveryId, WebhookStatus status, UserId userId, String error, Instant at) {}
