package com.flowmatik.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The operators' analytics after a scripted day: four sign-ups, chats metered from the provider's
 * numbers, a quota refusal, a paid upgrade, a failed payment and a cancellation. The database is
 * shared with every other integration test, so global numbers are compared before and after the
 * script, and per-user numbers are read for this test's own users.
 */
class AdminAnalyticsIT extends IntegrationTest {

    /** DeepSeek-V3: 270,000 in and 1,100,000 out per million tokens (micro-dollars), rounded up. */
    private static final long COST_OF_12_IN_6_OUT = 10;

    private static final long COST_OF_60K_IN = 16_200;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theDashboardTheUserListAndTheMetricsShowWhatTheDayBrought() {
        String admin = adminToken();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonNode before = api.get("/api/admin/dashboard", admin).json();
        JsonNode revenueBefore = api.get("/api/admin/metrics", admin).json().path("revenue");

        Member ann = member("ann", tag);
        Member bob = member("bob", tag);
        Member cy = member("cy", tag);
        Member dee = member("dee", tag);

        AI.reply("Sure.", 12, 6);
        for (int i = 0; i < 3; i++) {
            assertThat(chat(ann).status()).isEqualTo(200);
        }
        assertThat(chat(bob).status()).isEqualTo(200);
        AI.reply("A very long answer.", 60_000, 0);
        assertThat(chat(cy).status()).isEqualTo(200);
        assertThat(chat(cy).status())
                .as("the free plan's 50K tokens are used up")
                .isEqualTo(429);

        // dee upgrades to pro and pays; bob starts on starter, his payment fails, and he cancels
        deliver(ProviderEvents.stripeCheckoutCompleted(event(), now(), dee.id, dee.customer(), dee.subscription()));
        deliver(ProviderEvents.stripeSubscription(
                event(),
                "customer.subscription.created",
                now(),
                dee.id,
                dee.subscription(),
                dee.customer(),
                TestSecrets.STRIPE_PRICE_PRO,
                "active",
                now().plus(Duration.ofDays(30)),
                false));
        deliver(ProviderEvents.stripeInvoice(
                event(),
                "invoice.paid",
                now(),
                "in_" + dee.suffix,
                "F-" + dee.suffix,
                dee.customer(),
                dee.subscription(),
                3900,
                1));
        deliver(ProviderEvents.stripeCheckoutCompleted(event(), now(), bob.id, bob.customer(), bob.subscription()));
        deliver(ProviderEvents.stripeSubscription(
                event(),
                "customer.subscription.created",
                now().minusSeconds(20),
                bob.id,
                bob.subscription(),
                bob.customer(),
                TestSecrets.STRIPE_PRICE_STARTER,
                "active",
                now().plus(Duration.ofDays(30)),
                false));
        deliver(ProviderEvents.stripeInvoice(
                event(),
                "invoice.payment_failed",
                now(),
                "in_" + bob.suffix,
                "F-" + bob.suffix,
                bob.customer(),
                bob.subscription(),
                1900,
                1));
        deliver(ProviderEvents.stripeSubscription(
                event(),
                "customer.subscription.deleted",
                now(),
                bob.id,
                bob.subscription(),
                bob.customer(),
                TestSecrets.STRIPE_PRICE_STARTER,
                "canceled",
                now().plus(Duration.ofDays(30)),
                false));
        assertThat(api.post("/api/admin/users/" + cy.id + "/deactivate", Map.of(), admin)
                        .status())
                .isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode after = api.get("/api/admin/dashboard", admin).json();
            assertThat(delta(before, after, "users")).isEqualTo(4);
            assertThat(delta(before, after, "newUsersToday")).isEqualTo(4);
            assertThat(delta(before, after, "activeUsersToday")).isEqualTo(3);
            assertThat(delta(before, after, "activeUsersThisMonth")).isEqualTo(3);
            assertThat(delta(before, after, "requestsToday")).isEqualTo(5);
            assertThat(delta(before, after, "tokensToday")).isEqualTo(4 * 18 + 60_000);
            assertThat(delta(before, after, "aiCostTodayMicros")).isEqualTo(4 * COST_OF_12_IN_6_OUT + COST_OF_60K_IN);
            assertThat(delta(before, after, "quotaRefusalsToday")).isEqualTo(1);
            assertThat(delta(before, after, "failedPaymentsToday")).isEqualTo(1);
            assertThat(moneyDelta(before, after, "mrr")).isEqualTo(3900);
            assertThat(moneyDelta(before, after, "revenueToday")).isEqualTo(3900);
            assertThat(moneyDelta(before, after, "revenueThisMonth")).isEqualTo(3900);
            assertThat(after.path("mrr").path("currency").asString()).isEqualTo("usd");
            assertThat(Instant.parse(after.path("asOf").asString())).isBetween(now().minusSeconds(60), now());
        });

        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode page = api.get("/api/admin/users?q=" + tag.toUpperCase(Locale.ROOT), admin)
                    .json();
            assertThat(page.path("total").asLong()).isEqualTo(4);
            assertThat(page.path("page").asInt()).isZero();
            assertThat(page.path("size").asInt()).isEqualTo(20);
            Map<String, JsonNode> byName = byName(page.path("items"));
            assertUser(byName.get("ann " + tag), ann, "free", "active", 3, 3 * 18, 3 * COST_OF_12_IN_6_OUT);
            assertUser(byName.get("bob " + tag), bob, "free", "active", 1, 18, COST_OF_12_IN_6_OUT);
            assertUser(byName.get("cy " + tag), cy, "free", "deactivated", 1, 60_000, COST_OF_60K_IN);
            assertUser(byName.get("dee " + tag), dee, "pro", "active", 0, 0, 0);
            assertThat(byName.get("dee " + tag).path("role").asString()).isEqualTo("premium");
        });
        JsonNode firstTwo =
                api.get("/api/admin/users?page=0&size=2&q=" + tag, admin).json();
        JsonNode lastTwo =
                api.get("/api/admin/users?page=1&size=2&q=" + tag, admin).json();
        assertThat(firstTwo.path("items")).hasSize(2);
        assertThat(lastTwo.path("items")).hasSize(2);
        assertThat(firstTwo.path("total").asLong()).isEqualTo(4);
        assertThat(byName(firstTwo.path("items")).keySet())
                .doesNotContainAnyElementsOf(byName(lastTwo.path("items")).keySet());
        JsonNode byEmail = api.get("/api/admin/users?q=" + ann.email.substring(0, ann.email.indexOf('@')), admin)
                .json();
        assertThat(byEmail.path("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/admin/users?q=%25" + tag, admin)
                        .json()
                        .path("total")
                        .asLong())
                .as("a % in the search is a literal character")
                .isZero();
        assertThat(api.get("/api/admin/users?size=101", admin).status()).isEqualTo(400);

        JsonNode metrics = api.get("/api/admin/metrics", admin).json();
        JsonNode http = metrics.path("http");
        assertThat(http.path("requestsPerSecond").asDouble()).isPositive();
        assertThat(http.path("meanLatencyMs").asDouble()).isPositive();
        assertThat(http.path("p95LatencyMs").asDouble()).isPositive();
        assertThat(http.path("errorsByEndpoint")
                        .valueStream()
                        .filter(error -> error.path("method").asString().equals("POST")
                                && error.path("uri").asString().equals("/api/ai/chat")
                                && error.path("status").asInt() == 429)
                        .findFirst())
                .hasValueSatisfying(
                        error -> assertThat(error.path("count").asLong()).isPositive());
        assertThat(metrics.path("jvm").path("heapUsedBytes").asLong()).isPositive();
        assertThat(metrics.path("jvm").path("heapMaxBytes").asLong()).isPositive();
        assertThat(metrics.path("jvm").path("threads").asLong()).isPositive();
        assertThat(metrics.path("connections").path("databaseActive").isNumber())
                .isTrue();
        assertThat(metrics.path("connections").path("databaseIdle").isNumber()).isTrue();
        assertThat(metrics.path("connections").path("httpActive").asLong()).isPositive();
        assertThat(metrics.path("aiCostPerUser")
                        .valueStream()
                        .filter(cost -> cost.path("userId").asString().equals(cy.id))
                        .findFirst())
                .hasValueSatisfying(cost -> {
                    assertThat(cost.path("email").asString()).isEqualTo(cy.email);
                    assertThat(cost.path("costMicros").asLong()).isEqualTo(COST_OF_60K_IN);
                });
        JsonNode revenue = metrics.path("revenue");
        assertThat(revenue.path("today").path("amount").asLong()
                        - revenueBefore.path("today").path("amount").asLong())
                .isEqualTo(3900);
        assertThat(revenue.path("mrr").path("amount").asLong()
                        - revenueBefore.path("mrr").path("amount").asLong())
                .isEqualTo(3900);

        // and each member's invoices say the same: dee paid 3,900, bob's 1,900 failed, the others have none
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode deeInvoices = api.get("/api/payments/invoices", dee.token).json();
            assertThat(deeInvoices).hasSize(1);
            assertThat(deeInvoices.get(0).path("status").asString()).isEqualTo("paid");
            assertThat(deeInvoices.get(0).path("total").path("amount").asLong()).isEqualTo(3900);
            JsonNode bobInvoices = api.get("/api/payments/invoices", bob.token).json();
            assertThat(bobInvoices).hasSize(1);
            assertThat(bobInvoices.get(0).path("status").asString()).isEqualTo("payment_failed");
            assertThat(bobInvoices.get(0).path("total").path("amount").asLong()).isEqualTo(1900);
        });
        assertThat(api.get("/api/payments/invoices", ann.token).json()).isEmpty();
    }

    @Test
    void aUserIsRefusedEveryAdminNumberAndAStrangerIsAskedToSignIn() {
        String user = api.register(uniqueEmail("curious"), "curious-password", "Curious");

        for (String path : List.of("/api/admin/dashboard", "/api/admin/users", "/api/admin/metrics")) {
            assertThat(api.get(path, user).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
    }

    @Test
    void aReplayOfTheProjectionRebuildsTheSameRows() {
        Member eve = member("eve", UUID.randomUUID().toString().substring(0, 8));
        AI.reply("Sure.", 12, 6);
        assertThat(chat(eve).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(jdbc.queryForObject(
                                "SELECT cost_micros FROM admin_user_cost WHERE user_id = ?", Long.class, eve.id))
                        .isEqualTo(COST_OF_12_IN_6_OUT));
        List<Map<String, Object>> rows = tables();

        StreamingEventProcessor metrics = processing
                .eventProcessor("admin-metrics", StreamingEventProcessor.class)
                .orElseThrow();
        metrics.shutDown();
        metrics.resetTokens();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM admin_user_day", Long.class))
                .isZero();
        metrics.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(tables()).isEqualTo(rows));
    }

    private List<Map<String, Object>> tables() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        rows.addAll(jdbc.queryForList("SELECT * FROM admin_user_day ORDER BY user_id, metric_date"));
        rows.addAll(jdbc.queryForList("SELECT * FROM admin_user_cost ORDER BY user_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM admin_revenue ORDER BY provider, invoice_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM admin_subscription ORDER BY user_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM admin_subscription_day ORDER BY user_id, metric_date"));
        return rows;
    }

    private static void assertUser(
            JsonNode user, Member member, String plan, String status, long requests, long tokens, long costMicros) {
        assertThat(user).as(member.email).isNotNull();
        assertThat(user.path("id").asString()).isEqualTo(member.id);
        assertThat(user.path("email").asString()).isEqualTo(member.email);
        assertThat(user.path("plan").asString()).isEqualTo(plan);
        assertThat(user.path("status").asString()).isEqualTo(status);
        assertThat(user.path("createdAt").asString()).isNotBlank();
        assertThat(user.path("today").path("requests").asLong()).isEqualTo(requests);
        assertThat(user.path("today").path("tokens").asLong()).isEqualTo(tokens);
        assertThat(user.path("today").path("costMicros").asLong()).isEqualTo(costMicros);
    }

    private static Map<String, JsonNode> byName(JsonNode items) {
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        items.forEach(item -> byName.put(item.path("name").asString(), item));
        return byName;
    }

    private static long delta(JsonNode before, JsonNode after, String field) {
        return after.path(field).asLong() - before.path(field).asLong();
    }

    private static long moneyDelta(JsonNode before, JsonNode after, String field) {
        return after.path(field).path("amount").asLong()
                - before.path(field).path("amount").asLong();
    }

    /** A signed-up user and the ids their Stripe objects get. */
    private record Member(String token, String id, String email, String suffix) {

        String customer() {
            return "cus_" + suffix;
        }

        String subscription() {
            return "sub_" + suffix;
        }
    }

    private Member member(String name, String tag) {
        String email = uniqueEmail("analytics-" + name);
        String token = api.register(email, "analytics-password", name + " " + tag);
        String id = api.get("/api/auth/me", token).json().path("id").asString();
        return new Member(token, id, email, UUID.randomUUID().toString().substring(0, 8));
    }

    private Response chat(Member member) {
        return api.post("/api/ai/chat", Map.of("message", "Hello"), member.token);
    }

    private void deliver(String body) {
        Response answer = ProviderEvents.deliverToStripeWebhook(api, body, now());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("status").asString()).as(answer.body()).isEqualTo("processed");
    }

    private static Instant now() {
        return CLOCK.instant();
    }

    private static String event() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }
}
