package com.flowmatik.app.payments;

import static com.flowmatik.app.support.StripeCustomer.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.AtOnce;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.StripeCustomer;
import com.flowmatik.app.support.TestSecrets;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Stripe's webhooks over HTTP, signed with the test secret the way Stripe signs: a paid plan
 * reaches the user's plan, limits and role; a delivery takes effect once however often it comes;
 * nothing unsigned, badly signed or stale is recorded; deliveries out of order end in the state of
 * the latest; a delivery that could not be applied is applied by a retry; a canceled plan lasts
 * until the end of the period that was paid for.
 */
class StripeWebhooksIT extends IntegrationTest {

    @Test
    void aSubscriptionMakesTheUserPremiumOnThePlansLimits() {
        Subscriber ada = subscriber("stripe-paid");

        Response answer =
                deliver(ada.stripe.subscriptionCreated(newEventId(), CLOCK.instant(), TestSecrets.STRIPE_PRICE_PRO));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("processed");
        assertThat(answer.json().path("duplicate").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode me = me(ada);
            assertThat(me.path("plan").asString()).isEqualTo("pro");
            assertThat(me.path("role").asString()).isEqualTo("premium");
            JsonNode today = api.get("/api/ai/usage", ada.token).json().path("today");
            assertThat(today.path("requestLimit").asLong()).isEqualTo(10_000);
            assertThat(today.path("tokenLimit").asLong()).isEqualTo(5_000_000);
            JsonNode subscription = subscriptionOf(ada);
            assertThat(subscription.path("plan").asString()).isEqualTo("pro");
            assertThat(subscription.path("status").asString()).isEqualTo("active");
            assertThat(subscription.path("provider").asString()).isEqualTo("stripe");
            assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isFalse();
        });
    }

    @Test
    void theSameEventDeliveredFiveTimesAtOnceHasExactlyOneEffect() throws Exception {
        Subscriber ada = subscriber("stripe-five");
        String eventId = newEventId();
        String body = ada.stripe.subscriptionCreated(eventId, CLOCK.instant(), TestSecrets.STRIPE_PRICE_STARTER);

        List<Response> answers = AtOnce.atOnce(5, delivery -> deliver(body));

        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(answers)
                .filteredOn(answer -> !answer.json().path("duplicate").asBoolean())
                .hasSize(1);
        assertThat(eventTypesOf("stripe:" + eventId))
                .containsExactly(
                        "com.flowmatik.api.webhook.WebhookReceived", "com.flowmatik.api.webhook.WebhookProcessed");
        assertThat(eventTypesOf("subscription:" + ada.id))
                .containsExactly("com.flowmatik.api.payment.SubscriptionStarted");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() ->
                        assertThat(eventTypesOf(ada.id)).containsOnlyOnce("com.flowmatik.api.identity.RoleChanged"));
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsRecorded() {
        Subscriber ada = subscriber("stripe-forged");
        String eventId = newEventId();
        String body = ada.stripe.subscriptionCreated(eventId, CLOCK.instant(), TestSecrets.STRIPE_PRICE_BUSINESS);

        Response wrongSecret =
                deliver(body, ProviderEvents.stripeSignature(body, CLOCK.instant(), "whsec_someone_else"));
        Response tampered = deliver(
                body.replace(TestSecrets.STRIPE_PRICE_BUSINESS, TestSecrets.STRIPE_PRICE_STARTER),
                ProviderEvents.stripeSignature(body, CLOCK.instant(), TestSecrets.STRIPE_WEBHOOK_SECRET));
        Response unsigned = api.send(api.request("/api/webhooks/stripe", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(List.of(wrongSecret, tampered, unsigned))
                .extracting(Response::status)
                .containsOnly(400);
        assertThat(unsigned.json().path("type").asString()).endsWith("/invalid-signature");
        assertThat(eventTypesOf("stripe:" + eventId)).isEmpty();
        assertThat(eventTypesOf("subscription:" + ada.id)).isEmpty();
    }

    @Test
    void aSignatureOlderThanTheToleranceIsRefused() {
        Subscriber ada = subscriber("stripe-stale");
        String eventId = newEventId();
        String body = ada.stripe.subscriptionCreated(eventId, CLOCK.instant(), TestSecrets.STRIPE_PRICE_PRO);

        Response stale = deliver(
                body,
                ProviderEvents.stripeSignature(
                        body, CLOCK.instant().minusSeconds(301), TestSecrets.STRIPE_WEBHOOK_SECRET));
        Response justInTime = deliver(
                body,
                ProviderEvents.stripeSignature(
                        body, CLOCK.instant().minusSeconds(290), TestSecrets.STRIPE_WEBHOOK_SECRET));

        assertThat(stale.status()).isEqualTo(400);
        assertThat(justInTime.status()).isEqualTo(200);
        assertThat(eventTypesOf("stripe:" + eventId)).hasSize(2); // received once, by the second delivery
    }

    @Test
    void anUpdateDeliveredBeforeTheCreationEndsInTheStateOfTheUpdate() {
        Subscriber ada = subscriber("stripe-order");
        Instant createdAt = CLOCK.instant().minusSeconds(60);
        Instant updatedAt = CLOCK.instant().minusSeconds(30);
        Instant periodEnd = CLOCK.instant().plus(Duration.ofDays(30));
        String update = ada.stripe.subscriptionEvent(
                newEventId(),
                "customer.subscription.updated",
                updatedAt,
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                periodEnd,
                false);
        String creation = ada.stripe.subscriptionEvent(
                newEventId(),
                "customer.subscription.created",
                createdAt,
                TestSecrets.STRIPE_PRICE_STARTER,
                "active",
                periodEnd,
                false);

        assertThat(deliver(update).status()).isEqualTo(200);
        assertThat(deliver(creation).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription = subscriptionOf(ada);
            assertThat(subscription.path("plan").asString()).isEqualTo("pro");
            assertThat(subscription.path("status").asString()).isEqualTo("active");
            assertThat(me(ada).path("plan").asString()).isEqualTo("pro");
        });
        assertThat(eventTypesOf("subscription:" + ada.id))
                .containsExactly("com.flowmatik.api.payment.SubscriptionStarted");
    }

    @Test
    void anInvoiceForACustomerNotYetLinkedFailsAndARetryAfterTheCheckoutAppliesIt() {
        Subscriber ada = subscriber("stripe-retry");
        String invoiceEvent = newEventId();
        String invoice = ada.stripe.invoice(invoiceEvent, "invoice.paid", CLOCK.instant(), 3900);

        Response failed = deliver(invoice);

        assertThat(failed.status()).isEqualTo(200);
        assertThat(failed.json().path("status").asString()).isEqualTo("failed");
        assertThat(failed.json().path("error").asString()).contains(ada.stripe.customer());

        deliver(ada.stripe.checkoutCompleted(newEventId(), CLOCK.instant()));
        Response retry =
                api.post("/api/webhooks/retry", Map.of("deliveryIds", List.of("stripe:" + invoiceEvent)), adminToken());

        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.json().path("retried").get(0).path("status").asString())
                .isEqualTo("processed");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode invoices = api.get("/api/payments/invoices", ada.token).json();
            assertThat(invoices).hasSize(1);
            assertThat(invoices.get(0).path("number").asString()).isEqualTo(ada.stripe.invoiceNumber());
            assertThat(invoices.get(0).path("status").asString()).isEqualTo("paid");
            assertThat(invoices.get(0).path("total").path("amount").asLong()).isEqualTo(3900);
            assertThat(invoices.get(0).path("total").path("currency").asString())
                    .isEqualTo("usd");
        });
        assertThat(eventTypesOf("stripe:" + invoiceEvent))
                .containsExactly(
                        "com.flowmatik.api.webhook.WebhookReceived",
                                "com.flowmatik.api.webhook.WebhookProcessingFailed",
                        "com.flowmatik.api.webhook.WebhookRetryRequested",
                                "com.flowmatik.api.webhook.WebhookProcessed");
    }

    @Test
    void anEventTypeThePlatformDoesNotActOnIsRecordedAndAcknowledged() {
        String eventId = newEventId();

        Response answer = deliver(ProviderEvents.stripeOther(eventId, "charge.refund.updated", CLOCK.instant()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("ignored");
        assertThat(eventTypesOf("stripe:" + eventId))
                .containsExactly(
                        "com.flowmatik.api.webhook.WebhookReceived", "com.flowmatik.api.webhook.WebhookProcessed");
    }

    @Test
    void aCanceledPlanLastsUntilTheEndOfThePaidPeriodAndThenTheUserIsFreeAgain() {
        Subscriber ada = subscriber("stripe-cancel");
        // deadlines fall due by the real clock: a period that ends a few seconds from now
        Instant periodEnd = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        deliver(ada.stripe.subscriptionEvent(
                newEventId(),
                "customer.subscription.created",
                CLOCK.instant().minusSeconds(10),
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                periodEnd,
                false));
        deliver(ada.stripe.subscriptionEvent(
                newEventId(),
                "customer.subscription.updated",
                CLOCK.instant(),
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                periodEnd,
                true));

        await().atMost(Duration.ofSeconds(4)).ignoreExceptions().untilAsserted(() -> {
            assertThat(subscriptionOf(ada).path("cancelAtPeriodEnd").asBoolean())
                    .isTrue();
            assertThat(me(ada).path("plan").asString()).isEqualTo("pro");
        });
        assertThat(Instant.now())
                .as("the plan was seen to hold before the period ended")
                .isBefore(periodEnd);

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            JsonNode me = me(ada);
            assertThat(me.path("plan").asString()).isEqualTo("free");
            assertThat(me.path("role").asString()).isEqualTo("user");
            JsonNode subscription = subscriptionOf(ada);
            assertThat(subscription.path("plan").asString()).isEqualTo("free");
            assertThat(subscription.path("status").asString()).isEqualTo("canceled");
        });
        assertThat(eventTypesOf("subscription:" + ada.id)).endsWith("com.flowmatik.api.payment.SubscriptionCanceled");
        Instant recordedAt = Instant.parse(jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number DESC"
                        + " LIMIT 1",
                String.class,
                "subscription:" + ada.id));
        assertThat(recordedAt)
                .as("the end was recorded when the period was over, not before")
                .isAfterOrEqualTo(periodEnd);
    }

    @Test
    void oneUsersInvoicesAndPaymentMethodsAreInvisibleToAnother() {
        Subscriber ada = subscriber("stripe-mine");
        Subscriber bob = subscriber("stripe-yours");
        deliver(ada.stripe.checkoutCompleted(newEventId(), CLOCK.instant()));
        deliver(ada.stripe.invoice(newEventId(), "invoice.paid", CLOCK.instant(), 1900));
        deliver(ada.stripe.paymentMethodAttached(newEventId(), CLOCK.instant(), "visa", "4242"));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            assertThat(api.get("/api/payments/invoices", ada.token).json()).hasSize(1);
            JsonNode methods =
                    api.get("/api/payments/payment-methods", ada.token).json();
            assertThat(methods).hasSize(1);
            assertThat(methods.get(0).path("brand").asString()).isEqualTo("visa");
            assertThat(methods.get(0).path("last4").asString()).isEqualTo("4242");
            assertThat(methods.get(0).path("isDefault").asBoolean()).isTrue();
        });
        assertThat(api.get("/api/payments/invoices", bob.token).json()).isEmpty();
        assertThat(api.get("/api/payments/payment-methods", bob.token).json()).isEmpty();
        assertThat(subscriptionOf(bob).path("plan").asString()).isEqualTo("free");
    }

    @Test
    void anInvoiceWithoutItsAmountOrCurrencyIsRefusedAsAnInvalidPayloadAndKeptAsFailed() {
        Subscriber ada = subscriber("stripe-no-amount");
        deliver(ada.stripe.checkoutCompleted(newEventId(), CLOCK.instant()));
        String invoice = ada.stripe.invoice("{event}", "invoice.paid", CLOCK.instant(), 3900);
        String noTotal = newEventId();
        String noCurrency = newEventId();

        Response withoutTotal = deliver(invoice.replace("{event}", noTotal).replace("\"total\": 3900,", ""));
        Response withoutCurrency =
                deliver(invoice.replace("{event}", noCurrency).replace("\"currency\": \"usd\",", ""));

        for (Response refused : List.of(withoutTotal, withoutCurrency)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asString()).endsWith("/invalid-payload");
        }
        assertThat(withoutTotal.json().path("detail").asString()).contains("amount");
        assertThat(withoutCurrency.json().path("detail").asString()).contains("currency");
        for (String event : List.of(noTotal, noCurrency)) {
            assertThat(eventTypesOf("stripe:" + event))
                    .as("recorded as a failed delivery, nothing billed")
                    .containsExactly(
                            "com.flowmatik.api.webhook.WebhookReceived",
                            "com.flowmatik.api.webhook.WebhookProcessingFailed");
        }
        assertThat(eventTypesOf("subscription:" + ada.id)).doesNotContain("com.flowmatik.api.payment.InvoiceIssued");
    }

    /** A signed-up user and the customer of Stripe they are. */
    private record Subscriber(String token, String id, StripeCustomer stripe) {}

    private Subscriber subscriber(String name) {
        String token = api.register(uniqueEmail(name), "correct-horse-battery", name);
        String id = api.get("/api/auth/me", token).json().path("id").asString();
        return new Subscriber(token, id, StripeCustomer.of(id));
    }

    private JsonNode me(Subscriber user) {
        return api.get("/api/auth/me", user.token).json();
    }

    private JsonNode subscriptionOf(Subscriber user) {
        return api.get("/api/payments/subscription", user.token).json();
    }

    private Response deliver(String body) {
        return ProviderEvents.deliverToStripeWebhook(api, body, CLOCK.instant());
    }

    private Response deliver(String body, String signature) {
        return ProviderEvents.deliverToStripeWebhook(api, body, signature);
    }
}
