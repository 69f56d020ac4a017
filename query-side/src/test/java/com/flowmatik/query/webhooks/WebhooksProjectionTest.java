package com.flowmatik.query.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.webhook.FindFailedWebhooks;
import com.flowmatik.api.webhook.WebhookProcessed;
import com.flowmatik.api.webhook.WebhookProcessingFailed;
import com.flowmatik.api.webhook.WebhookReceived;
import com.flowmatik.api.webhook.WebhookRetryRequested;
import com.flowmatik.query.Deliveries;
import com.flowmatik.query.ProjectionTest;
import com.flowmatik.query.Tables;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every provider delivery and where its processing stands, each attempt counted once. */
@ProjectionTest(WebhooksProjection.class)
class WebhooksProjectionTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId OPERATOR = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final PaymentProvider STRIPE = PaymentProvider.STRIPE;

    @Autowired
    WebhooksProjection projection;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Tables tables;

    @Test
    void aReceivedDeliveryIsCountedUnderItsProviderTypeAndStatus() {
        Deliveries.Aggregate delivery = deliveries.of("WebhookDelivery", "stripe:evt_1");

        deliveries.deliver(projection, delivery.next(received("stripe:evt_1", T0)));

        WebhookStats stats = projection.handle(new FindWebhookStats());
        assertThat(stats.total()).isOne();
        assertThat(stats.byStatus()).isEqualTo(Map.of("received", 1L, "processed", 0L, "ignored", 0L, "failed", 0L));
        assertThat(stats.byProvider())
                .containsExactly(new WebhookStats.ProviderCount("stripe", "invoice.paid", "received", 1));
        assertThat(stats.lastError()).isNull();
        assertThat(stats.failed()).isEmpty();
    }

    @Test
    void aFailedDeliveryIsListedForARetryWithItsAttemptAndError() {
        Deliveries.Aggregate delivery = deliveries.of("WebhookDelivery", "stripe:evt_1");

        deliveries.deliver(
                projection,
                delivery.next(received("stripe:evt_1", T0)),
                delivery.next(failed("stripe:evt_1", "no user for cus_1", 1, T0.plusSeconds(1))));

        assertThat(projection.handle(new FindFailedWebhooks())).containsExactly("stripe:evt_1");
        WebhookStats stats = projection.handle(new FindWebhookStats());
        assertThat(stats.failed())
                .containsExactly(new WebhookStats.FailedDelivery(
                        "stripe:evt_1", "stripe", "invoice.paid", 1, "no user for cus_1", T0.plusSeconds(1)));
        assertThat(stats.lastError())
                .isEqualTo(new WebhookStats.LastError("stripe:evt_1", "no user for cus_1", T0.plusSeconds(1)));
    }

    @Test
    void aRetriedDeliveryThatSucceedsLeavesTheFailedListAndKeepsItsLastError() {
        Deliveries.Aggregate delivery = deliveries.of("WebhookDelivery", "stripe:evt_1");

        deliveries.deliver(
                projection,
                delivery.next(received("stripe:evt_1", T0)),
                delivery.next(failed("stripe:evt_1", "no user for cus_1", 1, T0.plusSeconds(1))),
                delivery.next(new WebhookRetryRequested("stripe:evt_1", OPERATOR, T0.plusSeconds(60))),
                delivery.next(processed("stripe:evt_1", true, T0.plusSeconds(61))));

        assertThat(projection.handle(new FindFailedWebhooks())).isEmpty();
        WebhookStats stats = projection.handle(new FindWebhookStats());
        assertThat(stats.byStatus()).containsEntry("processed", 1L).containsEntry("failed", 0L);
        assertThat(stats.lastError())
                .isEqualTo(new WebhookStats.LastError("stripe:evt_1", "no user for cus_1", T0.plusSeconds(1)));
        assertThat(attempts("stripe:evt_1")).isEqualTo(2);
    }

    @Test
    void aDeliveryOfATypeThePlatformDoesNotActOnIsCountedAsIgnored() {
        Deliveries.Aggregate delivery = deliveries.of("WebhookDelivery", "stripe:evt_1");

        deliveries.deliver(
                projection,
                delivery.next(received("stripe:evt_1", T0)),
                delivery.next(processed("stripe:evt_1", false, T0.plusSeconds(1))));

        assertThat(projection.handle(new FindWebhookStats()).byStatus()).containsEntry("ignored", 1L);
    }

    @Test
    void anOutcomeWhoseReceiptIsMissingStillMakesARow() {
        Deliveries.Aggregate delivery = deliveries.of("WebhookDelivery", "stripe:evt_1");
        delivery.next(received("stripe:evt_1", T0));

        deliveries.deliver(projection, delivery.next(failed("stripe:evt_1", "boom", 1, T0.plusSeconds(1))));

        assertThat(projection.handle(new FindFailedWebhooks())).containsExactly("stripe:evt_1");
    }

    @Test
    void aFailureItsRetryAndTheSuccessDeliveredAgainCountTheAttemptsOnce() {
        Deliveries.Aggregate delivery = deliveries.of("WebhookDelivery", "stripe:evt_1");
        deliveries.deliver(projection, delivery.next(received("stripe:evt_1", T0)));

        deliveries.deliverTwice(
                projection,
                delivery.next(failed("stripe:evt_1", "no user for cus_1", 1, T0.plusSeconds(1))),
                delivery.next(new WebhookRetryRequested("stripe:evt_1", OPERATOR, T0.plusSeconds(60))),
                delivery.next(processed("stripe:evt_1", true, T0.plusSeconds(61))));

        assertThat(attempts("stripe:evt_1")).isEqualTo(2);
    }

    @Test
    void anyTailOfTheHistoryDeliveredAgainLeavesTheSameRows() {
        Deliveries.Aggregate first = deliveries.of("WebhookDelivery", "stripe:evt_1");
        Deliveries.Aggregate second = deliveries.of("WebhookDelivery", "lemonsqueezy:7");
        TrackedEventMessage<?>[] history = {
            first.next(received("stripe:evt_1", T0)),
            second.next(new WebhookReceived(
                    "lemonsqueezy:7", PaymentProvider.LEMONSQUEEZY, "order_created", "{}", T0.plusSeconds(1))),
            first.next(failed("stripe:evt_1", "no user for cus_1", 1, T0.plusSeconds(2))),
            second.next(new WebhookProcessed(
                    "lemonsqueezy:7", PaymentProvider.LEMONSQUEEZY, "order_created", null, false, T0.plusSeconds(3))),
            first.next(new WebhookRetryRequested("stripe:evt_1", OPERATOR, T0.plusSeconds(60))),
            first.next(failed("stripe:evt_1", "still no user", 2, T0.plusSeconds(61))),
            first.next(new WebhookRetryRequested("stripe:evt_1", null, T0.plusSeconds(120))),
            first.next(processed("stripe:evt_1", true, T0.plusSeconds(121)))
        };

        deliveries.assertEveryRedeliveryChangesNothing(projection, () -> tables.rows("webhook_delivery"), history);

        assertThat(attempts("stripe:evt_1")).isEqualTo(3);
    }

    @Test
    void aResetEmptiesTheTable() {
        deliveries.deliver(
                projection, deliveries.of("WebhookDelivery", "stripe:evt_1").next(received("stripe:evt_1", T0)));

        deliveries.reset(projection);

        assertThat(tables.count("webhook_delivery")).isZero();
        assertThat(projection.handle(new FindWebhookStats()).total()).isZero();
    }

    private int attempts(String deliveryId) {
        List<Map<String, Object>> rows = tables.rows("webhook_delivery");
        return rows.stream()
                .filter(row -> row.get("delivery_id").equals(deliveryId))
                .map(row -> (Integer) row.get("attempts"))
                .findFirst()
                .orElseThrow();
    }

    private static WebhookReceived received(String deliveryId, Instant at) {
        return new WebhookReceived(deliveryId, STRIPE, "invoice.paid", "{\"id\":\"evt_1\"}", at);
    }

    private static WebhookProcessingFailed failed(String deliveryId, String error, int attempt, Instant at) {
        return new WebhookProcessingFailed(deliveryId, STRIPE, "invoice.paid", null, error, attempt, at);
    }

    private static WebhookProcessed processed(String deliveryId, boolean handled, Instant at) {
        return new WebhookProcessed(deliveryId, STRIPE, "invoice.paid", ADA, handled, at);
    }
}
