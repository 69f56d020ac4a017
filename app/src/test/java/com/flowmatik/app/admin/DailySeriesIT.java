package com.flowmatik.app.admin;

import static com.flowmatik.app.support.StripeCustomer.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.StripeCustomer;
import com.flowmatik.app.support.TestSecrets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/admin/dashboard/daily}: a day of the series holds what happened on it, whatever
 * day it is asked on. Three days ago a user signs up, chats and subscribes to Pro; today they chat
 * again, pay, and cancel. The database is shared, so each day is compared before and after.
 */
class DailySeriesIT extends IntegrationTest {

    /** DeepSeek-V3: 270,000 in and 1,100,000 out per million tokens (micro-dollars), rounded up. */
    private static final long COST_OF_12_IN_6_OUT = 10;

    private static final long PRO_CENTS = 3900;

    @Test
    void eachDayHoldsWhatHappenedOnItAndTheMrrOfItsEnd() {
        String admin = adminToken();
        LocalDate today = LocalDate.ofInstant(CLOCK.instant(), ZoneOffset.UTC);
        // earlier tests' sign-ups still on their way to the series would count as this test's
        awaitReadModelsCaughtUp();
        Map<LocalDate, JsonNode> before =
                byDate(api.get("/api/admin/dashboard/daily?days=5", admin).json());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        AI.reply("Sure.", 12, 6);

        CLOCK.advance(Duration.ofDays(-3));
        String email = uniqueEmail("daily");
        String token = api.register(email, "daily-password", "Daily " + suffix);
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        assertThat(api.post("/api/ai/chat", Map.of("message", "Hello"), token).status())
                .isEqualTo(200);
        StripeCustomer stripe = StripeCustomer.of(userId);
        deliver(stripe.checkoutCompleted(newEventId(), CLOCK.instant()));
        deliver(stripe.subscriptionCreated(newEventId(), CLOCK.instant(), TestSecrets.STRIPE_PRICE_PRO));
        CLOCK.reset();
        String todaysToken = api.post("/api/auth/login", Map.of("email", email, "password", "daily-password"), null)
                .json()
                .path("token")
                .asString();

        assertThat(api.post("/api/ai/chat", Map.of("message", "Hello again"), todaysToken)
                        .status())
                .isEqualTo(200);
        deliver(stripe.invoice(newEventId(), "invoice.paid", CLOCK.instant(), PRO_CENTS));
        deliver(stripe.subscriptionEvent(
                newEventId(),
                "customer.subscription.deleted",
                CLOCK.instant(),
                TestSecrets.STRIPE_PRICE_PRO,
                "canceled",
                CLOCK.instant().plus(Duration.ofDays(30)),
                false));

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode series =
                    api.get("/api/admin/dashboard/daily?days=5", admin).json();
            assertThat(series).hasSize(5);
            assertThat(series.get(0).path("date").asString())
                    .isEqualTo(today.minusDays(4).toString());
            assertThat(series.get(4).path("date").asString()).isEqualTo(today.toString());
            Map<LocalDate, JsonNode> after = byDate(series);

            LocalDate threeDaysAgo = today.minusDays(3);
            assertThat(delta(before, after, threeDaysAgo, "newUsers")).isEqualTo(1);
            assertThat(delta(before, after, threeDaysAgo, "requests")).isEqualTo(1);
            assertThat(delta(before, after, threeDaysAgo, "tokens")).isEqualTo(18);
            assertThat(delta(before, after, threeDaysAgo, "costMicros")).isEqualTo(COST_OF_12_IN_6_OUT);
            assertThat(delta(before, after, threeDaysAgo, "revenueCents")).isZero();
            assertThat(delta(before, after, threeDaysAgo, "mrrCents")).isEqualTo(PRO_CENTS);
            assertThat(delta(before, after, today.minusDays(2), "mrrCents")).isEqualTo(PRO_CENTS);
            assertThat(delta(before, after, today.minusDays(1), "mrrCents")).isEqualTo(PRO_CENTS);
            assertThat(delta(before, after, today.minusDays(4), "mrrCents")).isZero();

            assertThat(delta(before, after, today, "newUsers")).isZero();
            assertThat(delta(before, after, today, "requests")).isEqualTo(1);
            assertThat(delta(before, after, today, "revenueCents")).isEqualTo(PRO_CENTS);
            assertThat(delta(before, after, today, "mrrCents"))
                    .as("canceled today")
                    .isZero();
        });
        JsonNode dashboard = api.get("/api/admin/dashboard", admin).json();
        JsonNode lastDay =
                api.get("/api/admin/dashboard/daily?days=1", admin).json().get(0);
        assertThat(lastDay.path("mrrCents").asLong())
                .isEqualTo(dashboard.path("mrr").path("amount").asLong());
        assertThat(lastDay.path("requests").asLong())
                .isEqualTo(dashboard.path("requestsToday").asLong());
        assertThat(lastDay.path("revenueCents").asLong())
                .isEqualTo(dashboard.path("revenueToday").path("amount").asLong());
    }

    @Test
    void thirtyDaysByDefaultAndAtMostAYear() {
        String admin = adminToken();

        assertThat(api.get("/api/admin/dashboard/daily", admin).json()).hasSize(30);
        assertThat(api.get("/api/admin/dashboard/daily?days=0", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/dashboard/daily?days=367", admin).status())
                .isEqualTo(400);
        assertThat(api.get("/api/admin/dashboard/daily", null).status()).isEqualTo(401);
    }

    @Test
    void thePlanMixNamesEveryPlanAndCountsEveryUser() {
        String admin = adminToken();
        api.register(uniqueEmail("mix"), "mix-password", "Mix");

        // two read models, each catching up on its own
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode mix = api.get("/api/admin/dashboard/plans", admin).json();
            Map<String, Long> users = new HashMap<>();
            mix.forEach(plan ->
                    users.put(plan.path("plan").asString(), plan.path("users").asLong()));
            assertThat(users).containsOnlyKeys("free", "starter", "pro", "business");
            assertThat(users.values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(api.get("/api/admin/dashboard", admin)
                            .json()
                            .path("users")
                            .asLong());
        });
    }

    private void deliver(String body) {
        var answer = ProviderEvents.deliverToStripeWebhook(api, body, CLOCK.instant());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).as(answer.body()).isEqualTo("processed");
    }

    private static Map<LocalDate, JsonNode> byDate(JsonNode series) {
        Map<LocalDate, JsonNode> days = new HashMap<>();
        series.forEach(day -> days.put(LocalDate.parse(day.path("date").asString()), day));
        return days;
    }

    private static long delta(
            Map<LocalDate, JsonNode> before, Map<LocalDate, JsonNode> after, LocalDate day, String field) {
        long was = before.containsKey(day) ? before.get(day).path(field).asLong() : 0;
        return after.get(day).path(field).asLong() - was;
    }
}
