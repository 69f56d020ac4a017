package com.flowmatik.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.webhook.ReceiveWebhook;
import com.flowmatik.api.webhook.RecordWebhookOutcome;
import com.flowmatik.api.webhook.RetryWebhook;
import com.flowmatik.api.webhook.WebhookProcessed;
import com.flowmatik.api.webhook.WebhookProcessingFailed;
import com.flowmatik.api.webhook.WebhookReceived;
import com.flowmatik.api.webhook.WebhookRetryRequested;
import com.flowmatik.api.webhook.WebhookStatus;
import com.flowmatik.api.webhook.WebhookToProcess;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One delivery of one provider event. It exists once: a second {@link ReceiveWebhook} for the same
 * event fails to create it again, which is how a repeated delivery is told apart. Its outcome is
 * decided once per attempt; a failed delivery can be attempted again, and so can one whose
 * processing was left unfinished (its process died) for longer than {@link #ABANDONED_AFTER}.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class WebhookDelivery {

    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    @AggregateIdentifier
    private String deliveryId;

    private PaymentProvider provider;
    private String eventType;
    private String payload;
    private WebhookStatus status;
    private Instant attemptStartedAt;
    private int failures;

    protected WebhookDelivery() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    WebhookToProcess handle(ReceiveWebhook command) {
        apply(new WebhookReceived(
                command.deliveryId(),
                command.provider(),
                command.eventType(),
                command.payload(),
                command.receivedAt()));
        return toProcess();
    }

    @CommandHandler
    boolean handle(RecordWebhookOutcome command) {
        if (status != WebhookStatus.RECEIVED) {
            return false;
        }
        switch (command.status()) {
            case PROCESSED, IGNORED ->
                apply(new WebhookProcessed(
                        deliveryId,
                        provider,
                        eventType,
                        command.userId(),
                        command.status() == WebhookStatus.PROCESSED,
                        command.at()));
            case FAILED ->
                apply(new WebhookProcessingFailed(
                        deliveryId,
                        provider,
                        eventType,
                        command.userId(),
                        command.error(),
                        failures + 1,
                        command.at()));
            case RECEIVED -> throw new IllegalArgumentException("status: an outcome is processed, ignored or failed");
        }
        return true;
    }

    @CommandHandler
    WebhookToProcess handle(RetryWebhook command) {
        boolean abandoned = status == WebhookStatus.RECEIVED
                && attemptStartedAt.plus(ABANDONED_AFTER).isBefore(command.requestedAt());
        if (status != WebhookStatus.FAILED && !abandoned) {
            return null;
        }
        apply(new WebhookRetryRequested(deliveryId, command.requestedBy(), command.requestedAt()));
        return toProcess();
    }

    private WebhookToProcess toProcess() {
        return new WebhookToProcess(deliveryId, provider, eventType, payload);
    }

    @EventSourcingHandler
    void on(WebhookReceived event) {
        deliveryId = event.deliveryId();
        provider = event.provider();
        eventType = event.eventType();
        payload = event.payload();
        status = WebhookStatus.RECEIVED;
        attemptStartedAt = event.receivedAt();
    }

    @EventSourcingHandler
    void on(WebhookProcessed event) {
        status = event.handled() ? WebhookStatus.PROCESSED : WebhookStatus.IGNORED;
    }

    @EventSourcingHandler
    void on(WebhookProcessingFailed event) {
        status = WebhookStatus.FAILED;
        failures = event.attempt();
    }

    @EventSourcingHandler
    void on(WebhookRetryRequested event) {
        status = WebhookStatus.RECEIVED;
        attemptStartedAt = event.requestedAt();
    }
}
