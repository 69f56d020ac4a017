package com.flowmatik.query.webhooks;

import com.flowmatik.api.webhook.WebhookProcessed;
import com.flowmatik.api.webhook.WebhookProcessingFailed;
import com.flowmatik.api.webhook.WebhookReceived;
import com.flowmatik.api.webhook.WebhookRetryRequested;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;

/**
 * Keeps every event about one delivery in one sequence. The platform's default sequences by user,
 * but a delivery's receipt names no user and its outcome may name one: by user, a delivery's
 * outcome could be handled before its receipt.
 */
class ByDeliverySequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        if (payload instanceof WebhookReceived received) {
            return received.deliveryId();
        }
        if (payload instanceof WebhookProcessingFailed failed) {
            return failed.deliveryId();
        }
        if (payload instanceof WebhookRetryRequested retry) {
            return retry.deliveryId();
        }
        if (payload instanceof WebhookProcessed processed) {
            return processed.deliveryId();
        }
        return perAggregate.getSequenceIdentifierFor(event);
    }
}
