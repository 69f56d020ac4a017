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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every provider delivery and where its processing stands, each attempt counted once. */
@ProjectionTest(WebhooksProjection.class)
class WebhooksProjectionTest {

    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId OPERATOR = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
    private static final PaymentProvider STRIPE = PaymentProvider.STRIPE;
    /** The delivery most tests follow; its events go through {@link #delivery}. */
    private static final String DELIVERY = "stripe:evt_1";

    @Autowired
    WebhooksProjection projection;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Tables tables;

    Deliveries.Aggregate delivery;

    @BeforeEach
    void aDelivery() {
        delivery = deliveries.of("WebhookDelivery", DELIVERY);
    }

    @Test
    void aReceivedDeliveryIsCountedUnderItsProviderTypeAndStatus() {
        deliver(received(T0));

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
        deliver(received(T0), failed("no user for cus_1", 1, T0.plusSeconds(1)));

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
        deliver(
                received(T0),
                failed("no user for cus_1", 1, T0.plusSeconds(1)),
                retried(OPERATOR, T0.plusSeconds(60)),
                processed(true, T0.plusSeconds(61)));

        assertThat(projection.handle(new FindFailedWebhooks())).isEmpty();
        WebhookStats stats = projection.handle(new FindWebhookStats());
        assertThat(stats.byStatus()).containsEntry("processed", 1L).containsEntry("failed", 0L);
        assertThat(stats.lastError())
                .isEqualTo(new WebhookStats.LastError("stripe:evt_1", "no user for cus_1", T0.plusSeconds(1)));
        assertThat(attempts("stripe:evt_1")).isEqualTo(2);
    }

    @Test
    void aDeliveryOfATypeThePlatformDoesNotActOnIsCountedAsIgnored() {
        deliver(received(T0), processed(false, T0.plusSeconds(1)));

        assertThat(projection.handle(new FindWebhookStats()).byStatus()).containsEntry("ignored", 1L);
    }

    @Test
    void anOutcomeWhoseReceiptIsMissingStillMakesARow() {
        delivery.next(received(T0));

        deliver(failed("boom", 1, T0.plusSeconds(1)));

        assertThat(projection.handle(new FindFailedWebhooks())).containsExactly("stripe:evt_1");
    }

    @Test
    void aFailureItsRetryAndTheSuccessDeliveredAgainCountTheAttemptsOnce() {
        deliver(received(T0));

        deliveries.deliverTwice(
                projection,
                next(
                        failed("no user for cus_1", 1, T0.plusSeconds(1)),
                        retried(OPERATOR, T0.plusSeconds(60)),
                        processed(true, T0.plusSeconds(61))));

        assertThat(attempts("stripe:evt_1")).isEqualTo(2);
    }

    @Test
    void anyTailOfTheHistoryDeliveredAgainLeavesTheSameRows() {
        Deliveries.Aggregate other = deliveries.of("WebhookDelivery", "lemonsqueezy:7");
        TrackedEventMessage<?>[] history = {
            delivery.next(received(T0)),
            other.next(new WebhookReceived(
                    "lemonsqueezy:7", PaymentProvider.LEMONSQUEEZY, "order_created", "{}", T0.plusSeconds(1))),
            delivery.next(failed("no user for cus_1", 1, T0.plusSeconds(2))),
            other.next(new WebhookProcessed(
                    "lemonsqueezy:7", PaymentProvider.LEMONSQUEEZY, "order_created", null, false, T0.plusSeconds(3))),
            delivery.next(retried(OPERATOR, T0.plusSeconds(60))),
            delivery.next(failed("still no user", 2, T0.plusSeconds(61))),
            delivery.next(retried(null, T0.plusSeconds(120))),
            delivery.next(processed(true, T0.plusSeconds(121)))
        };

        deliveries.assertEveryRedeliveryChangesNothing(projection, () -> tables.rows("webhook_delivery"), history);

        assertThat(attempts("stripe:evt_1")).isEqualTo(3);
    }

    @Test
    void aResetEmptiesTheTable() {
        deliver(received(T0));

        deliveries.reset(projection);

        assertThat(tables.count("webhook_delivery")).isZero();
        assertThat(projection.handle(new FindWebhookStats()).total()).isZero();
    }

    /** Delivers the payloads in one batch, as the delivery's next events. */
    private void deliver(Object... payloads) {
        deliveries.deliver(projection, next(payloads));
    }

    private TrackedEventMessage<?>[] next(Object... payloads) {
        return Arrays.stream(payloads).map(delivery::next).toArray(TrackedEventMessage<?>[]::new);
    }

    private int attempts(String deliveryId) {
        List<Map<String, Object>> rows = tables.rows("webhook_delivery");
        return rows.stream()
                .filter(row -> row.get("delivery_id").equals(deliveryId))
                .map(row -> (Integer) row.get("attempts"))
                .findFirst()
                .orElseThrow();
    }

    private static WebhookReceived received(Instant at) {
        return new WebhookReceived(DELIVERY, STRIPE, "invoice.paid", "{\"id\":\"evt_1\"}", at);
    }

    private static WebhookProcessingFailed failed(String error, int attempt, Instant at) {
        return new WebhookProcessingFailed(DELIVERY, STRIPE, "invoice.paid", null, error, attempt, at);
    }

    private static WebhookRetryRequested retried(UserId by, Instant at) {
        return new WebhookRetryRequested(DELIVERY, by, at);
    }

    private static WebhookProcessed processed(boolean handled, Instant at) {
        return new WebhookProcessed(DELIVERY, STRIPE, "invoice.paid", ADA, handled, at);
    }
}
