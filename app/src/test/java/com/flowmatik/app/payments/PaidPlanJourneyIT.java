package com.flowmatik.app.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user goes from free to a paid plan and back, through each provider's wire format: subscribe
 * (the provider's checkout), the provider's webhooks make the plan theirs, a second subscription is
 * refused while one lives, the user cancels (the provider is told first), the plan holds until the
 * end of the period that was paid for, and then the user is on the free plan again.
 */
class PaidPlanJourneyIT extends IntegrationTest {

    @Test
    void fromFreeToProAndBackThroughStripe() {
        String token = api.register(uniqueEmail("journey-stripe"), "journey-password", "Ada");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String subscription = "sub_" + suffix;
        String customer = "cus_" + suffix;
        // deadlines fall due by the real clock: a period that ends a few seconds from now
        Instant periodEnd = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);

        Response checkout = api.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), token);
        assertThat(checkout.status()).isEqualTo(201);
        assertThat(checkout.json().path("checkoutUrl").asString()).startsWith("http");

        stripe(ProviderEvents.stripeCheckoutCompleted(event(), CLOCK.instant(), userId, customer, subscription));
        stripe(ProviderEvents.stripeSubscription(
                event(),
                "customer.subscription.created",
                CLOCK.instant(),
                userId,
                subscription,
                customer,
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                periodEnd,
                false));
        awaitPlan(token, "pro", "premium", false);

        Response again = api.post("/api/payments/subscribe/stripe", Map.of("plan", "business"), token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("type").asString()).endsWith("/subscription-active");

        Response cancel = api.post("/api/payments/subscription/cancel", Map.of(), token);

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().path("cancelAtPeriodEnd").asBoolean()).isTrue();
        assertThat(cancel.json().path("plan").asString()).isEqualTo("pro");
        var update = STRIPE.received("/v1/subscriptions/" + subscription);
        assertThat(update).hasSize(1);
        assertThat(update.get(0).param("cancel_at_period_end")).isEqualTo("true");
        assertThat(update.get(0).idempotencyKey()).isNotBlank();
        awaitPlan(token, "pro", "premium", true);

        awaitPlan(token, "free", "user", false);
        assertThat(Instant.now()).isAfterOrEqualTo(periodEnd);
        assertThat(api.get("/api/payments/subscription", token)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("canceled");
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/ai/usage", token)
                                .json()
                                .path("today")
                                .path("requestLimit")
                                .asLong())
                        .isEqualTo(100));
    }

    @Test
    void fromFreeToStarterAndBackThroughLemonSqueezy() {
        String token = api.register(uniqueEmail("journey-lemon"), "journey-password", "Bo");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        long number = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L);
        String subscription = Long.toString(number);
        String customer = Long.toString(number + 1);
        Instant renewsAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);

        Response checkout = api.post("/api/payments/subscribe/lemonsqueezy", Map.of("plan", "starter"), token);
        assertThat(checkout.status()).isEqualTo(201);
        assertThat(checkout.json().path("checkoutUrl").asString()).startsWith("http");

        lemonSqueezy(ProviderEvents.lemonSubscription(
                "subscription_created",
                userId,
                subscription,
                customer,
                TestSecrets.LEMONSQUEEZY_VARIANT_STARTER,
                "active",
                false,
                renewsAt,
                null,
                CLOCK.instant()));
        awaitPlan(token, "starter", "premium", false);

        Response cancel = api.post("/api/payments/subscription/cancel", Map.of(), token);

        assertThat(cancel.status()).isEqualTo(200);
        assertThat(LEMONSQUEEZY.received("/v1/subscriptions/" + subscription))
                .extracting(request -> request.method())
                .containsExactly("DELETE");
        awaitPlan(token, "starter", "premium", true);

        awaitPlan(token, "free", "user", false);
        assertThat(Instant.now()).isAfterOrEqualTo(renewsAt);
    }

    private void awaitPlan(String token, String plan, String role, boolean canceling) {
        await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            JsonNode me = api.get("/api/auth/me", token).json();
            assertThat(me.path("plan").asString()).isEqualTo(plan);
            assertThat(me.path("role").asString()).isEqualTo(role);
            JsonNode subscription = api.get("/api/payments/subscription", token).json();
            assertThat(subscription.path("plan").asString()).isEqualTo(plan);
            assertThat(subscription.path("cancelAtPeriodEnd").asBoolean()).isEqualTo(canceling);
        });
    }

    private void stripe(String body) {
        assertThat(ProviderEvents.deliverToStripeWebhook(api, body, CLOCK.instant())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("processed");
    }

    private void lemonSqueezy(String body) {
        assertThat(ProviderEvents.deliverToLemonSqueezyWebhook(api, body)
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("processed");
    }

    private static String event() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
