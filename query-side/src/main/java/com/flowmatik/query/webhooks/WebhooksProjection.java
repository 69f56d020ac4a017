package com.flowmatik.query.webhooks;

import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.webhook.FindFailedWebhooks;
import com.flowmatik.api.webhook.WebhookProcessed;
import com.flowmatik.api.webhook.WebhookProcessingFailed;
import com.flowmatik.api.webhook.WebhookReceived;
import com.flowmatik.api.webhook.WebhookRetryRequested;
import com.flowmatik.api.webhook.WebhookStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Builds the {@code webhook_delivery} table and answers {@link FindFailedWebhooks} and
 * {@link FindWebhookStats}. A delivery's events arrive in order ({@link ByDeliverySequencingPolicy});
 * an outcome whose receipt is missing still makes a row, so nothing is lost.
 */
@Component
@ProcessingGroup(WebhooksProjection.GROUP)
class WebhooksProjection {

    static final String GROUP = "webhooks";

    private final WebhookDeliveryRows rows;

    WebhooksProjection(WebhookDeliveryRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(WebhookReceived event, @SequenceNumber long sequence) {
        WebhookDeliveryRow row = delivery(event.deliveryId(), event.provider(), event.eventType(), event.receivedAt());
        if (row.takesIn(sequence)) {
            rows.save(row);
        }
    }

    @EventHandler
    void on(WebhookProcessingFailed event, @SequenceNumber long sequence) {
        WebhookDeliveryRow row = delivery(event.deliveryId(), event.provider(), event.eventType(), event.failedAt());
        if (row.takesIn(sequence)) {
            row.fail(event.userId(), event.error(), event.attempt(), event.failedAt());
            rows.save(row);
        }
    }

    @EventHandler
    void on(WebhookRetryRequested event, @SequenceNumber long sequence) {
        rows.findById(event.deliveryId()).filter(row -> row.takesIn(sequence)).ifPresent(row -> {
            row.retry();
            rows.save(row);
        });
    }

    @EventHandler
    void on(WebhookProcessed event, @SequenceNumber long sequence) {
        WebhookDeliveryRow row = delivery(event.deliveryId(), event.provider(), event.eventType(), event.processedAt());
        if (row.takesIn(sequence)) {
            row.process(event.handled(), event.userId(), event.processedAt());
            rows.save(row);
        }
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    List<String> handle(FindFailedWebhooks query) {
        return rows.findDeliveryIdsByStatus(WebhookStatus.FAILED);
    }

    @QueryHandler
    WebhookStats handle(FindWebhookStats query) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (WebhookStatus status : WebhookStatus.values()) {
            byStatus.put(status.wireName(), 0L);
        }
        List<WebhookStats.ProviderCount> byProvider = rows.countByProviderTypeAndStatus().stream()
                .map(count -> new WebhookStats.ProviderCount(
                        count.getProvider().wireName(),
                        count.getEventType(),
                        count.getStatus().wireName(),
                        count.getCount()))
                .toList();
        byProvider.forEach(count -> byStatus.merge(count.status(), count.count(), Long::sum));
        long total =
                byProvider.stream().mapToLong(WebhookStats.ProviderCount::count).sum();
        WebhookStats.LastError lastError = rows.findFirstByLastErrorIsNotNullOrderByLastFailedAtDesc()
                .map(row -> new WebhookStats.LastError(row.deliveryId(), row.lastError(), row.lastFailedAt()))
                .orElse(null);
        List<WebhookStats.FailedDelivery> failed = rows
                .findByStatusOrderByLastFailedAtDesc(
                        WebhookStatus.FAILED, PageRequest.of(0, WebhookStats.FAILED_LISTED))
                .stream()
                .map(row -> new WebhookStats.FailedDelivery(
                        row.deliveryId(),
                        row.provider().wireName(),
                        row.eventType(),
                        row.attempts(),
                        row.lastError(),
                        row.lastFailedAt()))
                .toList();
        return new WebhookStats(total, byStatus, byProvider, lastError, failed);
    }

    private WebhookDeliveryRow delivery(String deliveryId, PaymentProvider provider, String eventType, Instant at) {
        return rows.findById(deliveryId).orElseGet(() -> new WebhookDeliveryRow(deliveryId, provider, eventType, at));
    }
}
