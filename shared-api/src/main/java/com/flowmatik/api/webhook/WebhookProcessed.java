package com.flowmatik.api.webhook;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A delivery was processed: acted on ({@code handled}), or acknowledged without effect because the
 * platform does not act on its type.
 */
@Revision("1")
public record WebhookProcessed(
        String deliveryId,
        PaymentProvider provider,
        String eventType,
        UserId userId,
        boolean handled,
        Instant processedAt) {}
