package com.flowmatik.app.payments;

import static com.flowmatik.app.support.AtOnce.atOnce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.StripeStandIn;
import com.flowmatik.app.support.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A user has one checkout at a time, decided by the {@code Subscription} aggregate before any
 * provider is asked: two subscribe calls at once open one checkout, a subscribe racing the webhook
 * of the user's own payment gives one subscription, and a checkout the provider failed to open
 * leaves the user free to try again at once.
 */
class CheckoutRaceIT extends IntegrationTest {

    private static final String BEGUN = "com.flowmatik.api.payment.CheckoutBegun";
    private static final String ABANDONED = "com.flowmatik.api.payment.CheckoutAbandoned";
    private static final String STARTED = "com.flowmatik.api.payment.SubscriptionStarted";

    @Test
    void twoSubscribeCallsAtOnceOpenOneCheckoutAndTheOtherIsToldOneIsPending() throws Exception {
        for (int round = 0; round < 3; round++) {
            String token = signUp("race-" + round);
            String userId = userIdOf(token);

            List<Response> answers = atOnce(2, i -> subscribe(token, i == 0 ? "pro" : "business"));

            assertThat(answers).extracting(Response::status).containsExactlyInAnyOrder(201, 409);
            Response opened = answers.stream()
                    .filter(answer -> answer.status() == 201)
                    .findFirst()
                    .orElseThrow();
            Response refused = answers.stream()
                    .filter(answer -> answer.status() == 409)
                    .findFirst()
                    .orElseThrow();
            assertThat(opened.json().path("checkoutUrl").asString()).startsWith("https://checkout.stripe.com/");
            assertThat(refused.json().path("type").asString()).endsWith("/checkout-pending");
            assertThat(sessionsOf(userId)).hasSize(1);
            assertThat(STRIPE.received("/v1/customers"))
                    .filteredOn(customer -> userId.equals(customer.param("metadata[user_id]")))
                    .hasSize(1);
            assertThat(eventTypesOf("subscription:" + userId)).containsExactly(BEGUN);
        }
    }

    @Test
    void aSubscribeRacingTheWebhookOfTheUsersOwnPaymentGivesOneSubscription() throws Exception {
        String token = signUp("race-webhook");
        String userId = userIdOf(token);
        assertThat(subscribe(token, "pro").status()).isEqualTo(201);
        String subscription = "sub_" + UUID.randomUUID().toString().substring(0, 8);
        Instant periodEnd = CLOCK.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        String created = ProviderEvents.stripeSubscription(
                "evt_" + UUID.randomUUID().toString().replace("-", ""),
                "customer.subscription.created",
                CLOCK.instant(),
                userId,
                subscription,
                sessionsOf(userId).get(0).param("customer"),
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                periodEnd,
                false);

        List<Response> answers = atOnce(
                2,
                i -> i == 0
                        ? ProviderEvents.deliverToStripeWebhook(api, created, CLOCK.instant())
                        : subscribe(token, "business"));

        assertThat(answers.get(0).status()).isEqualTo(200);
        assertThat(answers.get(0).json().path("status").asString()).isEqualTo("processed");
        Response again = answers.get(1);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).matches(".*/(subscription-active|checkout-pending)");
        assertThat(sessionsOf(userId)).hasSize(1);
        assertThat(eventTypesOf("subscription:" + userId)).containsExactly(BEGUN, STARTED);
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            var current = api.get("/api/payments/subscription", token).json();
            assertThat(current.path("plan").asString()).isEqualTo("pro");
            assertThat(current.path("status").asString()).isEqualTo("active");
            assertThat(current.path("provider").asString()).isEqualTo("stripe");
            assertThat(Instant.parse(current.path("currentPeriodEnd").asString()))
                    .isEqualTo(periodEnd);
        });

        Response afterwards = subscribe(token, "business");
        assertThat(afterwards.status()).isEqualTo(409);
        assertThat(afterwards.json().path("type").asString()).endsWith("/subscription-active");
    }

    @Test
    void aCheckoutTheProviderFailedToOpenIsAbandonedAndTheRetryOpensOne() {
        String token = signUp("race-failure");
        String userId = userIdOf(token);
        STRIPE.failNext(500);

        Response failed = subscribe(token, "pro");
        Response retry = subscribe(token, "pro");

        assertThat(failed.status()).isEqualTo(502);
        assertThat(failed.json().path("type").asString()).endsWith("/provider-error");
        assertThat(retry.status()).isEqualTo(201);
        assertThat(sessionsOf(userId)).hasSize(1);
        assertThat(eventTypesOf("subscription:" + userId)).containsExactly(BEGUN, ABANDONED, BEGUN);
    }

    private Response subscribe(String token, String plan) {
        return api.post("/api/payments/subscribe/stripe", Map.of("plan", plan), token);
    }

    /** The Checkout Sessions the stand-in was asked to create for this user. */
    private static List<StripeStandIn.Received> sessionsOf(String userId) {
        return STRIPE.received("/v1/checkout/sessions").stream()
                .filter(session -> userId.equals(session.param("client_reference_id")))
                .toList();
    }

    private String signUp(String name) {
        return api.register(uniqueEmail(name), "payments-password", name);
    }

    private String userIdOf(String token) {
        return api.get("/api/auth/me", token).json().path("id").asString();
    }
}
