package com.flowmatik.command.webhook;

import com.flowmatik.api.identity.UserId;
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
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One delivery: recorded once, its outcome decided once per attempt, retried only when it failed or was abandoned. */
class WebhookDeliveryTest {

    private static final String ID = "stripe:evt_1";
    private static final UserId ADA = UserId.of("0b7c6f1e-3a52-4f0e-9d1c-2f8e6a4b5c7d");
    private static final UserId OPERATOR = UserId.of("2f0a6c1e-9a55-4f0e-8f3f-1b7a6b2d3c4e");
    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");
    private static final String BODY = "{\"id\":\"evt_1\"}";
    private static final WebhookReceived RECEIVED =
            new WebhookReceived(ID, PaymentProvider.STRIPE, "invoice.paid", BODY, NOW);
    private static final WebhookToProcess TO_PROCESS =
            new WebhookToProcess(ID, PaymentProvider.STRIPE, "invoice.paid", BODY);
    private static final WebhookProcessingFailed FAILED = new WebhookProcessingFailed(
            ID, PaymentProvider.STRIPE, "invoice.paid", null, "no user for customer cus_1", 1, NOW);

    private AggregateTestFixture<WebhookDelivery> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(WebhookDelivery.class);
    }

    @Test
    void aDeliveryIsRecordedWithItsRawBody() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveWebhook(ID, PaymentProvider.STRIPE, "invoice.paid", BODY, NOW))
                .expectResultMessagePayload(TO_PROCESS)
                .expectEvents(RECEIVED);
    }

    @Test
    void theOutcomeOfAnAttemptIsDecidedOnce() {
        fixture.given(RECEIVED)
                .when(new RecordWebhookOutcome(ID, WebhookStatus.PROCESSED, ADA, null, NOW))
                .expectEvents(new WebhookProcessed(ID, PaymentProvider.STRIPE, "invoice.paid", ADA, true, NOW));

        fixture.given(RECEIVED, new WebhookProcessed(ID, PaymentProvider.STRIPE, "invoice.paid", ADA, true, NOW))
                .when(new RecordWebhookOutcome(ID, WebhookStatus.FAILED, ADA, "late", NOW))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aFailedDeliveryIsRetriedAndItsNextFailureCountsAsTheSecondAttempt() {
        fixture.given(RECEIVED, FAILED)
                .when(new RetryWebhook(ID, OPERATOR, NOW.plusSeconds(60)))
                .expectResultMessagePayload(TO_PROCESS)
                .expectEvents(new WebhookRetryRequested(ID, OPERATOR, NOW.plusSeconds(60)));

        fixture.given(RECEIVED, FAILED, new WebhookRetryRequested(ID, OPERATOR, NOW.plusSeconds(60)))
                .when(new RecordWebhookOutcome(ID, WebhookStatus.FAILED, null, "still unknown", NOW.plusSeconds(61)))
                .expectEvents(new WebhookProcessingFailed(
                        ID, PaymentProvider.STRIPE, "invoice.paid", null, "still unknown", 2, NOW.plusSeconds(61)));
    }

    @Test
    void aProcessedDeliveryOrOneBeingProcessedIsNotRetried() {
        fixture.given(RECEIVED, new WebhookProcessed(ID, PaymentProvider.STRIPE, "invoice.paid", ADA, true, NOW))
                .when(new RetryWebhook(ID, null, NOW.plusSeconds(60)))
                .expectResultMessagePayload(null)
                .expectNoEvents();

        fixture.given(RECEIVED)
                .when(new RetryWebhook(ID, null, NOW.plusSeconds(60)))
                .expectResultMessagePayload(null)
                .expectNoEvents();
    }

    @Test
    void aDeliveryWhoseProcessingWasAbandonedIsRetried() {
        Instant later = NOW.plus(WebhookDelivery.ABANDONED_AFTER).plusSeconds(1);
        fixture.given(RECEIVED)
                .when(new RetryWebhook(ID, null, later))
                .expectResultMessagePayload(TO_PROCESS)
                .expectEvents(new WebhookRetryRequested(ID, null, later));
    }
}
