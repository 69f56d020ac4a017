package com.flowmatik.app.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.LemonSqueezyStandIn;
import com.flowmatik.app.support.StripeStandIn;
import com.flowmatik.app.support.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Subscribing over HTTP against the Stripe and LemonSqueezy stand-ins: the plans on sale, what each
 * provider is asked (with the user id in its metadata, an idempotency key on every Stripe create,
 * one Stripe customer per user), and the refusals — a plan not for sale, a provider that fails, a
 * cancellation with nothing to cancel.
 */
class SubscribeIT extends IntegrationTest {

    @Test
    void theFourPlansAreOnSaleWithTheirPricesAndDailyLimits() {
        String token = signUp("plans");

        Response answer = api.get("/api/payments/plans", token);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode plans = answer.json();
        assertThat(plans).hasSize(4);
        assertThat(each(plans, "id")).containsExactly("free", "starter", "pro", "business");
        assertThat(each(plans, "name")).containsExactly("Free", "Starter", "Pro", "Business");
        assertThat(plans.get(0).path("price").path("amount").asLong()).isZero();
        assertThat(plans.get(1).path("price").path("amount").asLong()).isEqualTo(1900);
        assertThat(plans.get(2).path("price").path("amount").asLong()).isEqualTo(3900);
        assertThat(plans.get(3).path("price").path("amount").asLong()).isEqualTo(7900);
        plans.forEach(plan ->
                assertThat(plan.path("price").path("currency").asString()).isEqualTo("usd"));
        assertThat(plans.get(0).path("requestsPerDay").asLong()).isEqualTo(100);
        assertThat(plans.get(0).path("tokensPerDay").asLong()).isEqualTo(50_000);
        assertThat(plans.get(1).path("requestsPerDay").asLong()).isEqualTo(1_000);
        assertThat(plans.get(1).path("tokensPerDay").asLong()).isEqualTo(500_000);
        assertThat(plans.get(2).path("requestsPerDay").asLong()).isEqualTo(10_000);
        assertThat(plans.get(2).path("tokensPerDay").asLong()).isEqualTo(5_000_000);
        assertThat(plans.get(3).has("requestsPerDay")).isTrue();
        assertThat(plans.get(3).path("requestsPerDay").isNull()).isTrue();
        assertThat(plans.get(3).path("tokensPerDay").isNull()).isTrue();
        assertThat(plans.get(3).path("features")).isNotEmpty();
    }

    @Test
    void eachPlansFeaturesReadBackWholeCommasIncluded() {
        JsonNode plans = api.get("/api/payments/plans", null).json();

        assertThat(strings(plans.get(0).path("features")))
                .containsExactly("100 AI requests a day", "50K tokens a day", "Chat and content generation");
        assertThat(strings(plans.get(1).path("features")))
                .containsExactly(
                        "1,000 AI requests a day", "500K tokens a day", "Every chat model", "Image generation");
        assertThat(strings(plans.get(2).path("features")))
                .containsExactly("10,000 AI requests a day", "5M tokens a day", "Every model", "Priority support");
        assertThat(strings(plans.get(3).path("features")))
                .containsExactly("Unlimited AI requests", "Unlimited tokens", "Every model", "Dedicated support");
    }

    @Test
    void aStripeCheckoutIsOpenedForTheUsersOwnCustomerWithTheUserIdInItsMetadata() {
        String email = uniqueEmail("stripe-checkout");
        String token = api.register(email, "stripe-password", "Ada");
        String userId = userIdOf(token);

        Response answer = api.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), token);

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(body.path("provider").asString()).isEqualTo("stripe");
        assertThat(body.path("sessionId").asString()).startsWith("cs_test_");
        assertThat(body.path("checkoutUrl").asString())
                .isEqualTo("https://checkout.stripe.com/c/pay/"
                        + body.path("sessionId").asString());

        List<StripeStandIn.Received> customers = STRIPE.received("/v1/customers");
        assertThat(customers).hasSize(1);
        StripeStandIn.Received customer = customers.get(0);
        assertThat(customer.header("Authorization")).isEqualTo("Bearer " + TestSecrets.STRIPE_SECRET_KEY);
        assertThat(customer.param("metadata[user_id]")).isEqualTo(userId);
        assertThat(customer.param("email")).isEqualTo(email);
        assertThat(customer.param("name")).isEqualTo("Ada");
        assertThat(customer.idempotencyKey()).startsWith("subscribe-" + userId + "-");

        List<StripeStandIn.Received> sessions = STRIPE.received("/v1/checkout/sessions");
        assertThat(sessions).hasSize(1);
        StripeStandIn.Received session = sessions.get(0);
        assertThat(session.param("mode")).isEqualTo("subscription");
        assertThat(session.param("customer")).startsWith("cus_");
        assertThat(session.param("line_items[0][price]")).isEqualTo(TestSecrets.STRIPE_PRICE_PRO);
        assertThat(session.param("line_items[0][quantity]")).isEqualTo("1");
        assertThat(session.param("client_reference_id")).isEqualTo(userId);
        assertThat(session.param("metadata[user_id]")).isEqualTo(userId);
        assertThat(session.param("subscription_data[metadata][user_id]")).isEqualTo(userId);
        assertThat(session.param("success_url")).isNotBlank();
        assertThat(Instant.ofEpochSecond(Long.parseLong(session.param("expires_at"))))
                .isBetween(
                        CLOCK.instant().plus(Duration.ofMinutes(30)),
                        CLOCK.instant().plus(Duration.ofMinutes(31)));
        assertThat(session.param("cancel_url")).isNotBlank();
        assertThat(session.idempotencyKey()).startsWith("subscribe-" + userId + "-");
        assertThat(session.idempotencyKey()).isNotEqualTo(customer.idempotencyKey());
    }

    @Test
    void aSecondAttemptReusesTheStripeCustomerUnderNewIdempotencyKeys() {
        String token = signUp("stripe-again");

        Response first = api.post("/api/payments/subscribe/stripe", Map.of("plan", "starter"), token);
        CLOCK.advance(Duration.ofMinutes(31)); // the first checkout expired unpaid
        Response second = api.post("/api/payments/subscribe/stripe", Map.of("plan", "business"), token);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(STRIPE.received("/v1/customers")).hasSize(1);
        List<StripeStandIn.Received> sessions = STRIPE.received("/v1/checkout/sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(1).param("customer")).isEqualTo(sessions.get(0).param("customer"));
        assertThat(sessions.get(0).param("line_items[0][price]")).isEqualTo(TestSecrets.STRIPE_PRICE_STARTER);
        assertThat(sessions.get(1).param("line_items[0][price]")).isEqualTo(TestSecrets.STRIPE_PRICE_BUSINESS);
        List<String> keys = STRIPE.received().stream()
                .map(StripeStandIn.Received::idempotencyKey)
                .toList();
        assertThat(keys).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(first.json().path("sessionId").asString())
                .isNotEqualTo(second.json().path("sessionId").asString());
    }

    @Test
    void withAPaymentMethodStripeSubscribesAndTheClientConfirmsTheFirstPayment() {
        String token = signUp("stripe-card");
        String userId = userIdOf(token);

        Response answer = api.post(
                "/api/payments/subscribe/stripe", Map.of("plan", "starter", "paymentMethodId", "pm_card_visa"), token);

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(body.path("provider").asString()).isEqualTo("stripe");
        assertThat(body.path("subscriptionId").asString()).startsWith("sub_");
        assertThat(body.path("clientSecret").asString()).contains("_secret_");
        assertThat(body.has("checkoutUrl")).isFalse();

        assertThat(STRIPE.received("/v1/customers")).hasSize(1);
        assertThat(STRIPE.received("/v1/checkout/sessions")).isEmpty();
        StripeStandIn.Received attach =
                STRIPE.received("/v1/payment_methods/pm_card_visa/attach").get(0);
        assertThat(attach.param("customer")).startsWith("cus_");
        StripeStandIn.Received subscription =
                STRIPE.received("/v1/subscriptions").get(0);
        assertThat(subscription.param("customer")).isEqualTo(attach.param("customer"));
        assertThat(subscription.param("items[0][price]")).isEqualTo(TestSecrets.STRIPE_PRICE_STARTER);
        assertThat(subscription.param("default_payment_method")).isEqualTo("pm_card_visa");
        assertThat(subscription.param("metadata[user_id]")).isEqualTo(userId);
        assertThat(subscription.param("payment_behavior")).isEqualTo("default_incomplete");
        assertThat(subscription.params()).containsValue("latest_invoice.confirmation_secret");
        List<String> keys = STRIPE.received().stream()
                .map(StripeStandIn.Received::idempotencyKey)
                .toList();
        assertThat(keys).hasSize(3).doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void aLemonSqueezyCheckoutCarriesTheUserIdAsCustomDataForTheStoresVariantOfThePlan() {
        String email = uniqueEmail("lemon");
        String token = api.register(email, "lemon-password", "Grace");
        String userId = userIdOf(token);

        Response answer = api.post("/api/payments/subscribe/lemonsqueezy", Map.of("plan", "pro"), token);

        assertThat(answer.status()).isEqualTo(201);
        JsonNode body = answer.json();
        assertThat(body.path("provider").asString()).isEqualTo("lemonsqueezy");
        assertThat(body.path("checkoutUrl").asString())
                .startsWith("https://flowmatik.lemonsqueezy.com/checkout/custom/");

        List<LemonSqueezyStandIn.Received> checkouts = LEMONSQUEEZY.received("/v1/checkouts");
        assertThat(checkouts).hasSize(1);
        LemonSqueezyStandIn.Received checkout = checkouts.get(0);
        assertThat(checkout.method()).isEqualTo("POST");
        assertThat(checkout.header("Authorization")).isEqualTo("Bearer " + TestSecrets.LEMONSQUEEZY_API_KEY);
        assertThat(checkout.header("Accept")).isEqualTo(LemonSqueezyStandIn.JSON_API);
        assertThat(checkout.header("Content-Type")).startsWith(LemonSqueezyStandIn.JSON_API);
        JsonNode data = checkout.body().path("data");
        assertThat(data.path("type").asString()).isEqualTo("checkouts");
        assertThat(data.path("attributes")
                        .path("checkout_data")
                        .path("custom")
                        .path("user_id")
                        .asString())
                .isEqualTo(userId);
        assertThat(data.path("attributes").path("checkout_data").path("email").asString())
                .isEqualTo(email);
        assertThat(Instant.parse(data.path("attributes").path("expires_at").asString()))
                .isBetween(
                        CLOCK.instant().plus(Duration.ofMinutes(30)),
                        CLOCK.instant().plus(Duration.ofMinutes(31)));
        JsonNode store = data.path("relationships").path("store").path("data");
        assertThat(store.path("type").asString()).isEqualTo("stores");
        assertThat(store.path("id").asString()).isEqualTo(TestSecrets.LEMONSQUEEZY_STORE_ID);
        JsonNode variant = data.path("relationships").path("variant").path("data");
        assertThat(variant.path("type").asString()).isEqualTo("variants");
        assertThat(variant.path("id").asString()).isEqualTo(TestSecrets.LEMONSQUEEZY_VARIANT_PRO);
    }

    @Test
    void theFreePlanAnUnknownPlanAndNoPlanAreRefusedBeforeAnyProviderIsCalled() {
        String token = signUp("bad-plan");

        for (String provider : List.of("stripe", "lemonsqueezy")) {
            for (Map<String, String> body :
                    List.<Map<String, String>>of(Map.of("plan", "free"), Map.of("plan", "platinum"), Map.of())) {
                Response answer = api.post("/api/payments/subscribe/" + provider, body, token);

                assertThat(answer.status()).as(provider + " " + body).isEqualTo(400);
                assertThat(answer.json().path("type").asString()).endsWith("/validation");
                assertThat(answer.json().path("errors").get(0).path("field").asString())
                        .isEqualTo("plan");
            }
        }
        assertThat(STRIPE.received()).isEmpty();
        assertThat(LEMONSQUEEZY.received()).isEmpty();
    }

    @Test
    void aStripeFailureAnswers502NamingStripeAndNothingFurtherIsAsked() {
        String token = signUp("stripe-down");
        STRIPE.failNext(500);

        Response answer = api.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), token);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().path("type").asString()).endsWith("/provider-error");
        assertThat(answer.json().path("provider").asString()).isEqualTo("stripe");
        assertThat(answer.json().path("detail").asString()).contains("Stripe");
        assertThat(STRIPE.received()).hasSize(1);
        assertThat(STRIPE.received("/v1/checkout/sessions")).isEmpty();

        // no customer was remembered: the next attempt makes one
        Response retry = api.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), token);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(STRIPE.received("/v1/customers")).hasSize(2);
    }

    @Test
    void aFailedCheckoutSessionKeepsTheCustomerForTheNextAttempt() {
        String token = signUp("stripe-session-down");
        api.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), token);
        CLOCK.advance(Duration.ofMinutes(31)); // the first checkout expired unpaid
        STRIPE.reset();
        STRIPE.failNext(503);

        Response answer = api.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), token);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(STRIPE.received("/v1/customers")).isEmpty();
        assertThat(STRIPE.received("/v1/checkout/sessions")).hasSize(1);
    }

    @Test
    void aLemonSqueezyFailureAnswers502NamingLemonSqueezy() {
        String token = signUp("lemon-down");
        LEMONSQUEEZY.failNext(422);

        Response answer = api.post("/api/payments/subscribe/lemonsqueezy", Map.of("plan", "starter"), token);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().path("type").asString()).endsWith("/provider-error");
        assertThat(answer.json().path("provider").asString()).isEqualTo("lemonsqueezy");
        assertThat(LEMONSQUEEZY.received()).hasSize(1);
    }

    @Test
    void aUserWithoutASubscriptionHasNothingToCancel() {
        String token = signUp("cancel-nothing");

        Response answer = api.post("/api/payments/subscription/cancel", Map.of(), token);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().path("type").asString()).endsWith("/no-active-subscription");
        assertThat(STRIPE.received()).isEmpty();
        assertThat(LEMONSQUEEZY.received()).isEmpty();
    }

    @Test
    void subscribingNeedsABearerToken() {
        Response answer = api.post("/api/payments/subscribe/stripe", Map.of("plan", "pro"), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(STRIPE.received()).isEmpty();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asString()));
        return values;
    }

    private static List<String> each(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.path(field).asString()));
        return values;
    }

    private String signUp(String name) {
        return api.register(uniqueEmail(name), "payments-password", name);
    }

    private String userIdOf(String token) {
        return api.get("/api/auth/me", token).json().path("id").asString();
    }
}
