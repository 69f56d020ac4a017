package com.flowmatik.api.webhook;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A failed delivery is being processed again, at an operator's request or on the provider's redelivery. */
@Revision("1")
public record WebhookRetryRequested(String deliveryId, UserId requestedBy, Instant requestedAt) {}
