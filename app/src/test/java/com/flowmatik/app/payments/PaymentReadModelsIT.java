package com.flowmatik.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.payment.FindSubscription;
import com.flowmatik.api.payment.InvoiceIssued;
import com.flowmatik.api.payment.InvoiceLine;
import com.flowmatik.api.payment.Money;
import com.flowmatik.api.payment.PaymentFailed;
import com.flowmatik.api.payment.PaymentMethodAttached;
import com.flowmatik.api.payment.PaymentMethodDetached;
import com.flowmatik.api.payment.PaymentProvider;
import com.flowmatik.api.payment.PaymentSucceeded;
import com.flowmatik.api.payment.SubscriptionCanceled;
import com.flowmatik.api.payment.SubscriptionCancellationScheduled;
import com.flowmatik.api.payment.SubscriptionPastDue;
import com.flowmatik.api.payment.SubscriptionPlanChanged;
import com.flowmatik.api.payment.SubscriptionReactivated;
import com.flowmatik.api.payment.SubscriptionRenewed;
import com.flowmatik.api.payment.SubscriptionResumed;
import com.flowmatik.api.payment.SubscriptionStarted;
import com.flowmatik.api.payment.SubscriptionStatus;
import com.flowmatik.api.payment.SubscriptionView;
import com.flowmatik.api.plan.Plan;
import com.flowmatik.api.webhook.FindFailedWebhooks;
import com.flowmatik.api.webhook.WebhookProcessed;
import com.flowmatik.api.webhook.WebhookProcessingFailed;
import com.flowmatik.api.webhook.WebhookReceived;
import com.flowmatik.api.webhook.WebhookRetryRequested;
import com.flowmatik.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The payments and webhooks read models, fed with their events through the real event store (the
 * write side that emits them is tested on its own) and read over HTTP as their owners and operators
 * see them. Some events are published twice on purpose: a handler may see an event again.
 */
class PaymentReadModelsIT extends IntegrationTest {

    private static final Duration PROJECTED = Duration.ofSeconds(15);

    @Autowired
    EventGateway events;

    @Autowired
    QueryGateway queries;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aSubscriptionShowsItsPlanStatusProviderAndPeriodInWireNames() {
        User ada = signUp("sub-ada");
        Instant at = now();
        Instant periodEnd = at.plus(Duration.ofDays(30));
        events.publish(startedOnStripe(ada, Plan.PRO, Money.usd(3900), periodEnd, at));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription =
                    api.get("/api/payments/subscription", ada.token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo("pro");
            assertThat(subscription.path("status").asString()).isEqualTo("active");
            assertThat(subscription.path("provider").asString()).isEqualTo("stripe");
            assertThat(Instant.parse(subscription.path("currentPeriodEnd").asString()))
                    .isEqualTo(periodEnd);
            assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isFalse();
        });

        Instant nextPeriodEnd = periodEnd.plus(Duration.ofDays(30));
        events.publish(
                new SubscriptionPlanChanged(ada.id, Plan.PRO, Plan.BUSINESS, Money.usd(7900), at.plusSeconds(1)),
                new SubscriptionPastDue(ada.id, at.plusSeconds(2)));
        await().atMost(PROJECTED)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/payments/subscription", ada.token)
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("past_due"));
        events.publish(
                new SubscriptionReactivated(ada.id, at.plusSeconds(3)),
                new SubscriptionRenewed(ada.id, periodEnd, nextPeriodEnd, at.plusSeconds(4)));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription =
                    api.get("/api/payments/subscription", ada.token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo("business");
            assertThat(subscription.path("status").asString()).isEqualTo("active");
            assertThat(Instant.parse(subscription.path("currentPeriodEnd").asString()))
                    .isEqualTo(nextPeriodEnd);
        });
        SubscriptionView view = queries.query(
                        new FindSubscription(ada.id), ResponseTypes.instanceOf(SubscriptionView.class))
                .join();
        assertThat(view)
                .isEqualTo(new SubscriptionView(
                        Plan.BUSINESS,
                        SubscriptionStatus.ACTIVE,
                        PaymentProvider.STRIPE,
                        "sub_" + ada.suffix,
                        nextPeriodEnd,
                        false));
    }

    @Test
    void aUserWhoNeverSubscribedIsFreeWithNoStatusAndNoProvider() {
        User bob = signUp("sub-bob");

        JsonNode subscription = api.get("/api/payments/subscription", bob.token).json();

        assertThat(subscription.path("plan").asString()).isEqualTo("free");
        assertThat(subscription.path("status").asString()).isEqualTo("none");
        assertThat(subscription.has("provider")).isTrue();
        assertThat(subscription.path("provider").isNull()).isTrue();
        assertThat(subscription.has("currentPeriodEnd")).isTrue();
        assertThat(subscription.path("currentPeriodEnd").isNull()).isTrue();
        assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isFalse();
        assertThat(queries.query(new FindSubscription(bob.id), ResponseTypes.instanceOf(SubscriptionView.class))
                        .join())
                .isEqualTo(SubscriptionView.free());
    }

    @Test
    void aScheduledCancellationKeepsThePlanUntilTheEndThenTheUserIsFreeAndCanceled() {
        User ada = signUp("cancel-ada");
        Instant at = now();
        Instant periodEnd = at.plus(Duration.ofDays(30));
        events.publish(
                new SubscriptionStarted(
                        ada.id,
                        PaymentProvider.LEMONSQUEEZY,
                        "7" + ada.suffix,
                        null,
                        Plan.STARTER,
                        Money.usd(1900),
                        SubscriptionStatus.ACTIVE,
                        periodEnd,
                        false,
                        at),
                new SubscriptionCancellationScheduled(ada.id, periodEnd, at.plusSeconds(1)),
                new SubscriptionResumed(ada.id, at.plusSeconds(2)),
                new SubscriptionCancellationScheduled(ada.id, periodEnd, at.plusSeconds(3)));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription =
                    api.get("/api/payments/subscription", ada.token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo("starter");
            assertThat(subscription.path("status").asString()).isEqualTo("active");
            assertThat(subscription.path("provider").asString()).isEqualTo("lemonsqueezy");
            assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isTrue();
            assertThat(Instant.parse(subscription.path("currentPeriodEnd").asString()))
                    .isEqualTo(periodEnd);
        });

        events.publish(new SubscriptionCanceled(ada.id, Plan.STARTER, "period ended", periodEnd));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription =
                    api.get("/api/payments/subscription", ada.token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo("free");
            assertThat(subscription.path("status").asString()).isEqualTo("canceled");
            assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isFalse();
            assertThat(subscription.path("currentPeriodEnd").isNull()).isTrue();
        });
        assertThat(queries.query(new FindSubscription(ada.id), ResponseTypes.instanceOf(SubscriptionView.class))
                        .join()
                        .cancellable())
                .isFalse();
    }

    @Test
    void anInvoiceShowsItsLinesAndIsPaidWhenASuccessFollowsAFailure() {
        User ada = signUp("invoice-ada");
        Instant issuedAt = now();
        String invoiceId = "in_" + ada.suffix;
        InvoiceIssued issued = new InvoiceIssued(
                ada.id,
                PaymentProvider.STRIPE,
                invoiceId,
                "F-" + ada.suffix,
                "sub_" + ada.suffix,
                Money.usd(3900),
                List.of(
                        new InvoiceLine("Pro plan", 1, Money.usd(3500)),
                        new InvoiceLine("Extra seat", 2, Money.usd(200))),
                issuedAt);
        PaymentFailed declined = new PaymentFailed(
                ada.id, PaymentProvider.STRIPE, invoiceId, Money.usd(3900), "card_declined", issuedAt.plusSeconds(60));
        events.publish(issued, declined, issued, declined);

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode invoices = api.get("/api/payments/invoices", ada.token).json();
            assertThat(invoices).hasSize(1);
            JsonNode invoice = invoices.get(0);
            assertThat(invoice.path("id").asString()).isEqualTo(invoiceId);
            assertThat(invoice.path("provider").asString()).isEqualTo("stripe");
            assertThat(invoice.path("number").asString()).isEqualTo("F-" + ada.suffix);
            assertThat(invoice.path("status").asString()).isEqualTo("payment_failed");
            assertThat(invoice.path("failedAttempts").asInt()).isEqualTo(1);
            assertThat(invoice.path("lastFailureReason").asString()).isEqualTo("card_declined");
            assertThat(invoice.path("total").path("amount").asLong()).isEqualTo(3900);
            assertThat(invoice.path("total").path("currency").asString()).isEqualTo("usd");
            assertThat(Instant.parse(invoice.path("issuedAt").asString())).isEqualTo(issuedAt);
            assertThat(invoice.path("paidAt").isNull()).isTrue();
            assertThat(invoice.path("lines")).hasSize(2);
            assertThat(invoice.path("lines").get(0).path("description").asString())
                    .isEqualTo("Pro plan");
            assertThat(invoice.path("lines").get(1).path("description").asString())
                    .isEqualTo("Extra seat");
            assertThat(invoice.path("lines").get(1).path("quantity").asLong()).isEqualTo(2);
            assertThat(invoice.path("lines")
                            .get(1)
                            .path("amount")
                            .path("amount")
                            .asLong())
                    .isEqualTo(200);
            assertThat(invoice.path("lines")
                            .get(1)
                            .path("amount")
                            .path("currency")
                            .asString())
                    .isEqualTo("usd");
        });

        Instant paidAt = issuedAt.plus(Duration.ofHours(1));
        events.publish(new PaymentSucceeded(ada.id, PaymentProvider.STRIPE, invoiceId, Money.usd(3900), paidAt));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode invoice =
                    api.get("/api/payments/invoices", ada.token).json().get(0);
            assertThat(invoice.path("status").asString()).isEqualTo("paid");
            assertThat(Instant.parse(invoice.path("paidAt").asString())).isEqualTo(paidAt);
        });
    }

    @Test
    void invoicesComeNewestFirst() {
        User ada = signUp("invoices-ada");
        Instant first = now().minus(Duration.ofDays(31));
        Instant second = now();
        events.publish(
                new InvoiceIssued(
                        ada.id,
                        PaymentProvider.STRIPE,
                        "in_a" + ada.suffix,
                        "A-1",
                        null,
                        Money.usd(1900),
                        List.of(new InvoiceLine("Starter plan", 1, Money.usd(1900))),
                        first),
                new InvoiceIssued(
                        ada.id,
                        PaymentProvider.LEMONSQUEEZY,
                        "9" + ada.suffix,
                        null,
                        null,
                        new Money(3900, "EUR"),
                        List.of(),
                        second));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode invoices = api.get("/api/payments/invoices", ada.token).json();
            assertThat(invoices).hasSize(2);
            assertThat(invoices.get(0).path("id").asString()).isEqualTo("9" + ada.suffix);
            assertThat(invoices.get(0).path("provider").asString()).isEqualTo("lemonsqueezy");
            assertThat(invoices.get(0).path("status").asString()).isEqualTo("open");
            assertThat(invoices.get(0).path("total").path("currency").asString())
                    .isEqualTo("eur");
            assertThat(invoices.get(0).path("lines")).isEmpty();
            assertThat(invoices.get(1).path("id").asString()).isEqualTo("in_a" + ada.suffix);
        });
    }

    @Test
    void theDefaultPaymentMethodIsTheMostRecentlyAttachedOneStillOnFile() {
        User ada = signUp("methods-ada");
        Instant at = now();
        PaymentMethodAttached visa = attached(ada, "pm_visa" + ada.suffix, "visa", "4242", at);
        PaymentMethodAttached mastercard =
                attached(ada, "pm_mc" + ada.suffix, "mastercard", "5555", at.plusSeconds(60));
        events.publish(visa, mastercard, mastercard);

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode methods =
                    api.get("/api/payments/payment-methods", ada.token).json();
            assertThat(methods).hasSize(2);
            assertThat(methods.get(0).path("id").asString()).isEqualTo("pm_mc" + ada.suffix);
            assertThat(methods.get(0).path("brand").asString()).isEqualTo("mastercard");
            assertThat(methods.get(0).path("last4").asString()).isEqualTo("5555");
            assertThat(methods.get(0).path("expMonth").asInt()).isEqualTo(12);
            assertThat(methods.get(0).path("expYear").asInt()).isEqualTo(2031);
            assertThat(methods.get(0).path("isDefault").asBoolean()).isTrue();
            assertThat(methods.get(1).path("id").asString()).isEqualTo("pm_visa" + ada.suffix);
            assertThat(methods.get(1).path("isDefault").asBoolean()).isFalse();
        });

        events.publish(
                new PaymentMethodDetached(ada.id, PaymentProvider.STRIPE, "pm_mc" + ada.suffix, at.plusSeconds(120)));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode methods =
                    api.get("/api/payments/payment-methods", ada.token).json();
            assertThat(methods).hasSize(1);
            assertThat(methods.get(0).path("id").asString()).isEqualTo("pm_visa" + ada.suffix);
            assertThat(methods.get(0).path("isDefault").asBoolean()).isTrue();
        });
    }

    @Test
    void oneUsersInvoicesAndPaymentMethodsAreInvisibleToAnother() {
        User ada = signUp("mine-ada");
        User bob = signUp("mine-bob");
        Instant at = now();
        events.publish(
                startedOnStripe(ada, Plan.STARTER, Money.usd(1900), at.plus(Duration.ofDays(30)), at),
                issuedOnStripe(ada, "M-1", Money.usd(1900), List.of(), at),
                attached(ada, "pm_" + ada.suffix, "visa", "4242", at));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            assertThat(api.get("/api/payments/invoices", ada.token).json()).hasSize(1);
            assertThat(api.get("/api/payments/payment-methods", ada.token).json())
                    .hasSize(1);
            assertThat(api.get("/api/payments/subscription", ada.token)
                            .json()
                            .path("plan")
                            .asString())
                    .isEqualTo("starter");
        });
        assertThat(api.get("/api/payments/invoices", bob.token).json()).isEmpty();
        assertThat(api.get("/api/payments/payment-methods", bob.token).json()).isEmpty();
        JsonNode bobs = api.get("/api/payments/subscription", bob.token).json();
        assertThat(bobs.path("plan").asString()).isEqualTo("free");
        assertThat(bobs.path("status").asString()).isEqualTo("none");
    }

    @Test
    void paymentEndpointsNeedATokenAndWebhookStatsNeedAnOperator() {
        User ada = signUp("guard-ada");

        assertThat(api.get("/api/payments/subscription", null).status()).isEqualTo(401);
        assertThat(api.get("/api/payments/invoices", null).status()).isEqualTo(401);
        assertThat(api.get("/api/payments/payment-methods", null).status()).isEqualTo(401);
        assertThat(api.get("/api/webhooks/stats", null).status()).isEqualTo(401);
        assertThat(api.get("/api/webhooks/stats", ada.token).status()).isEqualTo(403);
        assertThat(api.get("/api/webhooks/stats", adminToken()).status()).isEqualTo(200);
    }

    @Test
    void webhookStatsCountByProviderTypeAndStatusWithTheLastErrorAndAFailureLastsUntilARetrySucceeds() {
        String suffix = suffix();
        String paid = "invoice.paid." + suffix;
        String created = "subscription_created." + suffix;
        String processed = "stripe:evt_p" + suffix;
        String ignored = "stripe:evt_i" + suffix;
        String pending = "stripe:evt_r" + suffix;
        String failed = "lemonsqueezy:" + suffix;
        UserId someone = UserId.random();
        Instant at = now();
        // later than any failure another test records in the shared database, so it is the last error
        Instant failedAt = at.plus(Duration.ofDays(3650));
        WebhookProcessingFailed failure = new WebhookProcessingFailed(
                failed, PaymentProvider.LEMONSQUEEZY, created, null, "no account for customer " + suffix, 1, failedAt);
        events.publish(asDelivered(
                new WebhookReceived(processed, PaymentProvider.STRIPE, paid, "{}", at),
                new WebhookProcessed(processed, PaymentProvider.STRIPE, paid, someone, true, at.plusSeconds(1)),
                new WebhookReceived(ignored, PaymentProvider.STRIPE, paid, "{}", at),
                new WebhookProcessed(ignored, PaymentProvider.STRIPE, paid, null, false, at.plusSeconds(1)),
                new WebhookReceived(pending, PaymentProvider.STRIPE, paid, "{}", at),
                new WebhookReceived(failed, PaymentProvider.LEMONSQUEEZY, created, "{}", at),
                failure,
                failure));
        String operator = adminToken();

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            JsonNode stats = api.get("/api/webhooks/stats", operator).json();
            assertThat(countsOf(stats, paid))
                    .containsExactlyInAnyOrder(
                            "stripe " + paid + " processed 1",
                            "stripe " + paid + " ignored 1",
                            "stripe " + paid + " received 1");
            assertThat(countsOf(stats, created)).containsExactly("lemonsqueezy " + created + " failed 1");
            assertThat(stats.path("byStatus").path("failed").asLong()).isPositive();
            long byStatus = 0;
            for (String status : List.of("received", "processed", "ignored", "failed")) {
                byStatus += stats.path("byStatus").path(status).asLong();
            }
            assertThat(stats.path("total").asLong()).isEqualTo(byStatus).isGreaterThanOrEqualTo(4);
            assertThat(stats.path("lastError").path("deliveryId").asString()).isEqualTo(failed);
            assertThat(stats.path("lastError").path("error").asString()).isEqualTo("no account for customer " + suffix);
            assertThat(Instant.parse(stats.path("lastError").path("at").asString()))
                    .isEqualTo(failedAt);
        });
        assertThat(failedDeliveries()).contains(failed).doesNotContain(processed, ignored, pending);

        events.publish(asDelivered(
                new WebhookRetryRequested(failed, null, failedAt.plusSeconds(1)),
                new WebhookProcessed(
                        failed, PaymentProvider.LEMONSQUEEZY, created, someone, true, failedAt.plusSeconds(2))));

        await().atMost(PROJECTED).ignoreExceptions().untilAsserted(() -> {
            assertThat(failedDeliveries()).doesNotContain(failed);
            JsonNode stats = api.get("/api/webhooks/stats", operator).json();
            assertThat(countsOf(stats, created)).containsExactly("lemonsqueezy " + created + " processed 1");
        });
    }

    @Test
    void aDeliverysEventsAreHandledInOneSequenceThoughOnlyItsOutcomeNamesAUser() {
        SequencingPolicy<? super EventMessage<?>> webhooks = processing.sequencingPolicy("webhooks");
        Instant at = now();

        Object ofReceipt = webhooks.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(
                new WebhookReceived("stripe:evt_seq", PaymentProvider.STRIPE, "invoice.paid", "{}", at)));
        Object ofOutcome = webhooks.getSequenceIdentifierFor(GenericEventMessage.asEventMessage(new WebhookProcessed(
                "stripe:evt_seq", PaymentProvider.STRIPE, "invoice.paid", UserId.random(), true, at)));

        assertThat(ofOutcome).isEqualTo(ofReceipt);
    }

    @Test
    void aReplayClearsThePaymentReadModelsAndRebuildsTheSameRowsFromTheEvents() throws Exception {
        User ada = signUp("replay-ada");
        Instant at = now();
        String delivery = "stripe:evt_replay" + ada.suffix;
        events.publish(asDelivered(
                startedOnStripe(ada, Plan.PRO, Money.usd(3900), at.plus(Duration.ofDays(30)), at),
                issuedOnStripe(
                        ada, "R-1", Money.usd(3900), List.of(new InvoiceLine("Pro plan", 1, Money.usd(3900))), at),
                new PaymentFailed(
                        ada.id, PaymentProvider.STRIPE, "in_" + ada.suffix, Money.usd(3900), "expired_card", at),
                attached(ada, "pm_" + ada.suffix, "visa", "4242", at),
                new WebhookReceived(delivery, PaymentProvider.STRIPE, "invoice.payment_failed", "{}", at),
                new WebhookProcessingFailed(
                        delivery, PaymentProvider.STRIPE, "invoice.payment_failed", ada.id, "boom", 1, at)));
        await().atMost(PROJECTED)
                .untilAsserted(() -> assertThat(rowsOf(ada, delivery))
                        .allSatisfy(rows -> assertThat(rows).isNotEmpty()));
        List<List<Map<String, Object>>> before = rowsOf(ada, delivery);
        String stray = UUID.randomUUID().toString();
        jdbc.update(
                "INSERT INTO subscription (user_id, plan, status, provider, cancel_at_period_end, started_at, updated_at)"
                        + " VALUES (?, 'PRO', 'ACTIVE', 'STRIPE', FALSE, ?, ?)",
                stray,
                Timestamp.from(at),
                Timestamp.from(at));
        jdbc.update(
                "INSERT INTO invoice (provider, invoice_id, user_id, status, total_amount, total_currency, issued_at,"
                        + " failed_attempts) VALUES ('STRIPE', ?, ?, 'OPEN', 100, 'usd', ?, 0)",
                stray,
                stray,
                Timestamp.from(at));
        jdbc.update(
                "INSERT INTO invoice_line (provider, invoice_id, line_index, quantity, amount, currency)"
                        + " VALUES ('STRIPE', ?, 0, 1, 100, 'usd')",
                stray);
        jdbc.update(
                "INSERT INTO payment_method (provider, payment_method_id, user_id, exp_month, exp_year, attached_at)"
                        + " VALUES ('STRIPE', ?, ?, 1, 2030, ?)",
                stray,
                stray,
                Timestamp.from(at));
        jdbc.update(
                "INSERT INTO webhook_delivery (delivery_id, provider, event_type, status, attempts, received_at)"
                        + " VALUES (?, 'STRIPE', 'stray', 'FAILED', 1, ?)",
                stray,
                Timestamp.from(at));

        for (String group : List.of("subscriptions", "invoices", "webhooks")) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutdownAsync().get(30, TimeUnit.SECONDS);
            try {
                processor.resetTokens();
            } finally {
                processor.start();
            }
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(rowsOf(ada, delivery)).isEqualTo(before);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subscription WHERE user_id = ?", Long.class, stray))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice WHERE user_id = ?", Long.class, stray))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM invoice_line WHERE invoice_id = ?", Long.class, stray))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_method WHERE user_id = ?", Long.class, stray))
                    .isZero();
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM webhook_delivery WHERE delivery_id = ?", Long.class, stray))
                    .isZero();
        });
    }

    /** The user's rows in every payments table, and the delivery's row. */
    private List<List<Map<String, Object>>> rowsOf(User user, String deliveryId) {
        String id = user.id.value();
        return List.of(
                jdbc.queryForList("SELECT * FROM subscription WHERE user_id = ?", id),
                jdbc.queryForList("SELECT * FROM invoice WHERE user_id = ?", id),
                jdbc.queryForList(
                        "SELECT l.* FROM invoice_line l JOIN invoice i"
                                + " ON i.provider = l.provider AND i.invoice_id = l.invoice_id WHERE i.user_id = ?",
                        id),
                jdbc.queryForList("SELECT * FROM payment_method WHERE user_id = ?", id),
                jdbc.queryForList("SELECT * FROM webhook_delivery WHERE delivery_id = ?", deliveryId));
    }

    private List<String> failedDeliveries() {
        return queries.query(new FindFailedWebhooks(), ResponseTypes.multipleInstancesOf(String.class))
                .join();
    }

    /** The stats' counts of one event type, as "provider type status count". */
    private static List<String> countsOf(JsonNode stats, String eventType) {
        List<String> counts = new ArrayList<>();
        for (JsonNode count : stats.path("byProvider")) {
            if (count.path("eventType").asString().equals(eventType)) {
                counts.add(count.path("provider").asString() + " " + eventType + " "
                        + count.path("status").asString() + " "
                        + count.path("count").asLong());
            }
        }
        return counts;
    }

    /** The user's Stripe subscription ({@code sub_} and {@code cus_} their suffix), active until periodEnd. */
    private static SubscriptionStarted startedOnStripe(
            User user, Plan plan, Money price, Instant periodEnd, Instant at) {
        return new SubscriptionStarted(
                user.id,
                PaymentProvider.STRIPE,
                "sub_" + user.suffix,
                "cus_" + user.suffix,
                plan,
                price,
                SubscriptionStatus.ACTIVE,
                periodEnd,
                false,
                at);
    }

    /** The user's Stripe invoice {@code in_} their suffix, outside any subscription. */
    private static InvoiceIssued issuedOnStripe(
            User user, String number, Money total, List<InvoiceLine> lines, Instant at) {
        return new InvoiceIssued(user.id, PaymentProvider.STRIPE, "in_" + user.suffix, number, null, total, lines, at);
    }

    private static PaymentMethodAttached attached(User user, String id, String brand, String last4, Instant at) {
        return new PaymentMethodAttached(user.id, PaymentProvider.STRIPE, id, brand, last4, 12, 2031, at);
    }

    /** Whole seconds: what goes in comes back out of the database and the JSON unchanged. */
    private static Instant now() {
        return CLOCK.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A registered user: the events name their id, the requests carry their token. */
    private record User(String token, UserId id, String suffix) {}

    private User signUp(String name) {
        String token = api.register(uniqueEmail(name), "correct-horse-battery", name);
        String id = api.get("/api/auth/me", token).json().path("id").asString();
        return new User(token, UserId.of(id), suffix());
    }

    private final Map<String, Long> deliverySequences = new HashMap<>();

    /**
     * Webhook events as their delivery's aggregate records them (its id, the next sequence number):
     * the webhooks read model takes an event once by that number. Other events as they are.
     */
    private Object[] asDelivered(Object... payloads) {
        Object[] messages = new Object[payloads.length];
        for (int i = 0; i < payloads.length; i++) {
            String delivery = deliveryOf(payloads[i]);
            messages[i] = delivery == null
                    ? payloads[i]
                    : new GenericDomainEventMessage<>(
                            "WebhookDelivery",
                            delivery,
                            deliverySequences.merge(delivery, 0L, (last, unused) -> last + 1),
                            payloads[i]);
        }
        return messages;
    }

    private static String deliveryOf(Object payload) {
        if (payload instanceof WebhookReceived received) {
            return received.deliveryId();
        }
        if (payload instanceof WebhookProcessed processed) {
            return processed.deliveryId();
        }
        if (payload instanceof WebhookProcessingFailed failed) {
            return failed.deliveryId();
        }
        if (payload instanceof WebhookRetryRequested retry) {
            return retry.deliveryId();
        }
        return null;
    }
}
