package com.flowmatik.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * LemonSqueezy's webhooks over HTTP, signed as LemonSqueezy signs ({@code X-Signature}, the HMAC of
 * the raw body). Its deliveries carry no event id: the same body is the same delivery.
 */
class LemonSqueezyWebhooksIT extends IntegrationTest {

    @Test
    void aSubscriptionMakesTheUserPremiumOnThePlansLimits() {
        Subscriber ada = subscriber("lemon-paid");

        Response answer = deliver(created(ada, TestSecrets.LEMONSQUEEZY_VARIANT_STARTER, CLOCK.instant()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("processed");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode me = api.get("/api/auth/me", ada.token).json();
            assertThat(me.path("plan").asString()).isEqualTo("starter");
            assertThat(me.path("role").asString()).isEqualTo("premium");
            JsonNode today = api.get("/api/ai/usage", ada.token).json().path("today");
            assertThat(today.path("requestLimit").asLong()).isEqualTo(1_000);
            assertThat(today.path("tokenLimit").asLong()).isEqualTo(500_000);
            JsonNode subscription =
                    api.get("/api/payments/subscription", ada.token).json();
            assertThat(subscription.path("provider").asString()).isEqualTo("lemonsqueezy");
            assertThat(subscription.path("status").asString()).isEqualTo("active");
        });
    }

    @Test
    void theSameBodyDeliveredFiveTimesAtOnceHasExactlyOneEffect() {
        Subscriber ada = subscriber("lemon-five");
        String body = created(ada, TestSecrets.LEMONSQUEEZY_VARIANT_PRO, CLOCK.instant());

        List<Response> answers =
                IntStream.range(0, 5)
                        .mapToObj(i -> CompletableFuture.supplyAsync(() -> deliver(body)))
                        .toList()
                        .stream()
                        .map(CompletableFuture::join)
                        .toList();

        assertThat(answers).extracting(Response::status).containsOnly(200);
        assertThat(answers)
                .filteredOn(answer -> !answer.json().path("duplicate").asBoolean())
                .hasSize(1);
        assertThat(eventTypesOf("lemonsqueezy:" + sha256(body)))
                .containsExactly(
                        "com.flowmatik.api.webhook.WebhookReceived", "com.flowmatik.api.webhook.WebhookProcessed");
        assertThat(eventTypesOf("subscription:" + ada.id))
                .containsExactly("com.flowmatik.api.payment.SubscriptionStarted");
    }

    @Test
    void aBadOrMissingSignatureIsRefusedAndNothingIsRecorded() {
        Subscriber ada = subscriber("lemon-forged");
        String body = created(ada, TestSecrets.LEMONSQUEEZY_VARIANT_BUSINESS, CLOCK.instant());

        Response wrong = deliver(body, ProviderEvents.lemonSqueezySignature(body, "not-the-secret"));
        Response notHex = deliver(body, "sha256=zz");
        Response unsigned = api.send(api.request("/api/webhooks/lemonsqueezy", null)
                .header("Content-Type", "application/json")
                .header("X-Event-Name", "subscription_created")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(List.of(wrong, notHex, unsigned))
                .extracting(Response::status)
                .containsOnly(400);
        assertThat(eventTypesOf("lemonsqueezy:" + sha256(body))).isEmpty();
        assertThat(eventTypesOf("subscription:" + ada.id)).isEmpty();
    }

    @Test
    void aCancelledSubscriptionStaysPaidUntilItEndsAndExpiryMakesTheUserFree() {
        Subscriber ada = subscriber("lemon-cancel");
        Instant endsAt = CLOCK.instant().plus(Duration.ofDays(20));
        deliver(created(
                ada, TestSecrets.LEMONSQUEEZY_VARIANT_PRO, CLOCK.instant().minusSeconds(60)));

        deliver(ProviderEvents.lemonSubscription(
                "subscription_cancelled",
                ada.id,
                ada.subscription,
                ada.customer,
                TestSecrets.LEMONSQUEEZY_VARIANT_PRO,
                "cancelled",
                true,
                endsAt,
                endsAt,
                CLOCK.instant().minusSeconds(30)));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode subscription =
                    api.get("/api/payments/subscription", ada.token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo("pro");
            assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isTrue();
            assertThat(api.get("/api/auth/me", ada.token).json().path("role").asString())
                    .isEqualTo("premium");
        });

        deliver(ProviderEvents.lemonSubscription(
                "subscription_expired",
                ada.id,
                ada.subscription,
                ada.customer,
                TestSecrets.LEMONSQUEEZY_VARIANT_PRO,
                "expired",
                true,
                endsAt,
                endsAt,
                CLOCK.instant()));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode me = api.get("/api/auth/me", ada.token).json();
            assertThat(me.path("plan").asString()).isEqualTo("free");
            assertThat(me.path("role").asString()).isEqualTo("user");
        });
    }

    @Test
    void aResumedSubscriptionNoLongerEnds() {
        Subscriber ada = subscriber("lemon-resume");
        Instant endsAt = CLOCK.instant().plus(Duration.ofDays(20));
        deliver(created(
                ada, TestSecrets.LEMONSQUEEZY_VARIANT_STARTER, CLOCK.instant().minusSeconds(60)));
        deliver(ProviderEvents.lemonSubscription(
                "subscription_cancelled",
                ada.id,
                ada.subscription,
                ada.customer,
                TestSecrets.LEMONSQUEEZY_VARIANT_STARTER,
                "cancelled",
                true,
                endsAt,
                endsAt,
                CLOCK.instant().minusSeconds(30)));

        deliver(ProviderEvents.lemonSubscription(
                "subscription_resumed",
                ada.id,
                ada.subscription,
                ada.customer,
                TestSecrets.LEMONSQUEEZY_VARIANT_STARTER,
                "active",
                false,
                endsAt,
                null,
                CLOCK.instant()));

        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/payments/subscription", ada.token)
                                .json()
                                .path("cancelAtPeriodEnd")
                                .asBoolean())
                        .isFalse());
        assertThat(eventTypesOf("subscription:" + ada.id))
                .containsExactly(
                        "com.flowmatik.api.payment.SubscriptionStarted",
                        "com.flowmatik.api.payment.SubscriptionCancellationScheduled",
                        "com.flowmatik.api.payment.SubscriptionResumed");
    }

    @Test
    void aFailedPaymentAndThenASuccessfulOneShowAsOnePaidInvoice() {
        Subscriber ada = subscriber("lemon-invoice");
        String invoiceId = "9" + ada.subscription;
        deliver(created(
                ada, TestSecrets.LEMONSQUEEZY_VARIANT_PRO, CLOCK.instant().minusSeconds(60)));

        deliver(ProviderEvents.lemonPayment(
                "subscription_payment_failed",
                ada.id,
                invoiceId,
                ada.subscription,
                ada.customer,
                3900,
                CLOCK.instant().minusSeconds(30)));
        deliver(ProviderEvents.lemonPayment(
                "subscription_payment_success",
                ada.id,
                invoiceId,
                ada.subscription,
                ada.customer,
                3900,
                CLOCK.instant()));

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode invoices = api.get("/api/payments/invoices", ada.token).json();
            assertThat(invoices).hasSize(1);
            assertThat(invoices.get(0).path("provider").asString()).isEqualTo("lemonsqueezy");
            assertThat(invoices.get(0).path("status").asString()).isEqualTo("paid");
            assertThat(invoices.get(0).path("total").path("amount").asLong()).isEqualTo(3900);
        });
        assertThat(eventTypesOf("subscription:" + ada.id))
                .containsExactly(
                        "com.flowmatik.api.payment.SubscriptionStarted",
                        "com.flowmatik.api.payment.InvoiceIssued",
                        "com.flowmatik.api.payment.PaymentFailed",
                        "com.flowmatik.api.payment.PaymentSucceeded");
    }

    @Test
    void aUserIdThatIsNoAccountIsNotAppliedAndIsKeptForARetry() {
        Subscriber ghost = new Subscriber(null, UUID.randomUUID().toString(), "71", "81");

        Response answer = deliver(created(ghost, TestSecrets.LEMONSQUEEZY_VARIANT_PRO, CLOCK.instant()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).isEqualTo("failed");
        assertThat(eventTypesOf("subscription:" + ghost.id)).isEmpty();
    }

    @Test
    void aPaymentWithoutItsAmountOrCurrencyIsRefusedAsAnInvalidPayloadAndKeptAsFailed() {
        Subscriber ada = subscriber("lemon-no-amount");
        String payment = ProviderEvents.lemonPayment(
                "subscription_payment_success",
                ada.id,
                "9" + ada.subscription,
                ada.subscription,
                ada.customer,
                3900,
                CLOCK.instant());
        String withoutTotal = payment.replace("\"total\": 3900,", "");
        String withoutCurrency = payment.replace("\"currency\": \"USD\",", "");

        for (String body : List.of(withoutTotal, withoutCurrency)) {
            Response refused = deliver(body);

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("type").asString()).endsWith("/invalid-payload");
            assertThat(eventTypesOf("lemonsqueezy:" + sha256(body)))
                    .as("recorded as a failed delivery")
                    .containsExactly(
                            "com.flowmatik.api.webhook.WebhookReceived",
                            "com.flowmatik.api.webhook.WebhookProcessingFailed");
        }
        assertThat(eventTypesOf("subscription:" + ada.id)).doesNotContain("com.flowmatik.api.payment.InvoiceIssued");
    }

    private record Subscriber(String token, String id, String subscription, String customer) {}

    private Subscriber subscriber(String name) {
        String token = api.register(uniqueEmail(name), "correct-horse-battery", name);
        String id = api.get("/api/auth/me", token).json().path("id").asString();
        long number = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        return new Subscriber(token, id, Long.toString(number), Long.toString(number + 1));
    }

    private static String created(Subscriber subscriber, String variant, Instant at) {
        return ProviderEvents.lemonSubscription(
                "subscription_created",
                subscriber.id,
                subscriber.subscription,
                subscriber.customer,
                variant,
                "active",
                false,
                at.plus(Duration.ofDays(30)),
                null,
                at);
    }

    private Response deliver(String body) {
        return ProviderEvents.deliverToLemonSqueezyWebhook(api, body);
    }

    private Response deliver(String body, String signature) {
        return ProviderEvents.deliverToLemonSqueezyWebhook(api, body, signature);
    }

    private static String sha256(String body) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
