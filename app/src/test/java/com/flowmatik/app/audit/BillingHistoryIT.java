package com.flowmatik.app.audit;

import static com.flowmatik.app.support.StripeCustomer.newEventId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.ProviderEvents;
import com.flowmatik.app.support.StripeCustomer;
import com.flowmatik.app.support.TestSecrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A user's billing history comes from the event store: as of an instant it holds what had happened
 * by then and nothing after, its totals are the sums of the events it lists, and a user sees only
 * their own.
 */
class BillingHistoryIT extends IntegrationTest {

    @Test
    void asOfAnEarlierInstantTheHistoryListsOnlyWhatHadHappenedAndItsTotalsAddUp() throws Exception {
        User ada = user("audit-ada");
        AI.reply("First", 12, 6);
        assertThat(chat(ada).status()).isEqualTo(200);
        AI.reply("Second", 20, 4);
        assertThat(chat(ada).status()).isEqualTo(200);
        Thread.sleep(20);
        Instant asOf = Instant.now();
        Thread.sleep(20);
        AI.reply("Third", 30, 10);
        assertThat(chat(ada).status()).isEqualTo(200);
        StripeCustomer stripe = StripeCustomer.of(ada.id);
        deliver(stripe.checkoutCompleted(newEventId(), CLOCK.instant()));
        deliver(stripe.subscriptionCreated(newEventId(), CLOCK.instant(), TestSecrets.STRIPE_PRICE_PRO));
        deliver(stripe.invoice(newEventId(), "invoice.paid", CLOCK.instant(), 3900));
        // the plan's limits follow the subscription through the saga, a moment later
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(history(ada.token, null)
                                .path("totals")
                                .path("plan")
                                .asString())
                        .isEqualTo("pro"));

        JsonNode then = history(ada.token, asOf);
        JsonNode now = history(ada.token, null);

        assertThat(types(then))
                .containsExactly(
                        "AiRequestStarted",
                        "AiRequestCompleted",
                        "TokensCharged",
                        "AiRequestStarted",
                        "AiRequestCompleted",
                        "TokensCharged");
        then.path("events")
                .forEach(event ->
                        assertThat(Instant.parse(event.path("at").asString())).isBeforeOrEqualTo(asOf));
        assertThat(then.path("asOf").asString()).isEqualTo(asOf.toString());
        JsonNode totals = then.path("totals");
        assertThat(totals.path("requests").asLong()).isEqualTo(2).isEqualTo(count(then, "AiRequestStarted"));
        assertThat(totals.path("promptTokens").asLong())
                .isEqualTo(32)
                .isEqualTo(sum(then, "TokensCharged", "promptTokens"));
        assertThat(totals.path("completionTokens").asLong())
                .isEqualTo(10)
                .isEqualTo(sum(then, "TokensCharged", "completionTokens"));
        assertThat(totals.path("aiCostMicros").asLong())
                .isPositive()
                .isEqualTo(sum(then, "TokensCharged", "costMicros"));
        assertThat(totals.path("invoicesIssued").asLong()).isZero();
        assertThat(totals.path("paidTotal").size()).isZero();
        assertThat(totals.path("plan").asString()).isEqualTo("free");

        assertThat(types(now))
                .containsSubsequence(
                        "AiRequestStarted",
                        "TokensCharged",
                        "AiRequestStarted",
                        "TokensCharged",
                        "AiRequestStarted",
                        "TokensCharged");
        assertThat(types(now))
                .contains(
                        "SubscriptionStarted",
                        "InvoiceIssued",
                        "PaymentSucceeded",
                        "WebhookProcessed",
                        "DailyLimitsChanged");
        JsonNode all = now.path("totals");
        assertThat(all.path("requests").asLong()).isEqualTo(3);
        assertThat(all.path("promptTokens").asLong())
                .isEqualTo(62)
                .isEqualTo(sum(now, "TokensCharged", "promptTokens"));
        assertThat(all.path("aiCostMicros").asLong()).isEqualTo(sum(now, "TokensCharged", "costMicros"));
        assertThat(all.path("invoicesIssued").asLong()).isEqualTo(1);
        assertThat(all.path("invoicedTotal").path("usd").asLong()).isEqualTo(3900);
        assertThat(all.path("paidTotal").path("usd").asLong())
                .isEqualTo(3900)
                .isEqualTo(sum(now, "PaymentSucceeded", "amount", "amount"));
        assertThat(all.path("failedPayments").asLong()).isZero();
        assertThat(all.path("plan").asString()).isEqualTo("pro");
        List<Instant> times = new ArrayList<>();
        now.path("events")
                .forEach(event -> times.add(Instant.parse(event.path("at").asString())));
        assertThat(times).isSorted();
        assertThat(field(now, "aggregateId"))
                .allSatisfy(id -> assertThat(id)
                        .satisfiesAnyOf(
                                aggregate -> assertThat(aggregate).isIn("usage:" + ada.id, "subscription:" + ada.id),
                                aggregate -> assertThat(aggregate).startsWith("stripe:evt_")));
    }

    @Test
    void aUserSeesOnlyTheirOwnHistoryAndNotTheOperatorsView() {
        User ada = user("audit-mine");
        User bob = user("audit-yours");
        AI.reply("For Ada", 5, 5);
        chat(ada);
        AI.reply("For Bob", 7, 7);
        chat(bob);

        JsonNode adas = history(ada.token, null);
        JsonNode bobs = history(bob.token, null);

        assertThat(adas.path("userId").asString()).isEqualTo(ada.id);
        assertThat(field(adas, "aggregateId")).containsOnly("usage:" + ada.id);
        assertThat(field(bobs, "aggregateId")).containsOnly("usage:" + bob.id);
        assertThat(bobs.path("totals").path("promptTokens").asLong()).isEqualTo(7);
        Response operatorsView = api.get("/api/admin/audit/users/" + ada.id + "/billing-history", bob.token);
        assertThat(operatorsView.status()).isEqualTo(403);
        Response asAdmin = api.get("/api/admin/audit/users/" + ada.id + "/billing-history", adminToken());
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().path("events").size())
                .isEqualTo(adas.path("events").size());
        assertThat(api.get("/api/admin/audit/users/" + UUID.randomUUID() + "/billing-history", adminToken())
                        .status())
                .isEqualTo(404);
    }

    private record User(String token, String id) {}

    private User user(String name) {
        String token = api.register(uniqueEmail(name), "correct-horse-battery", name);
        return new User(token, api.get("/api/auth/me", token).json().path("id").asString());
    }

    private Response chat(User user) {
        return api.post("/api/ai/chat", Map.of("message", "Hello"), user.token);
    }

    private JsonNode history(String token, Instant asOf) {
        Response answer = api.get("/api/payments/billing-history" + (asOf == null ? "" : "?asOf=" + asOf), token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> types(JsonNode history) {
        return field(history, "type");
    }

    private static List<String> field(JsonNode history, String name) {
        List<String> values = new ArrayList<>();
        history.path("events").forEach(event -> values.add(event.path(name).asString()));
        return values;
    }

    private static long count(JsonNode history, String type) {
        return types(history).stream().filter(type::equals).count();
    }

    private static long sum(JsonNode history, String type, String... path) {
        long total = 0;
        for (JsonNode event : history.path("events")) {
            if (event.path("type").asString().equals(type)) {
                JsonNode value = event.path("data");
                for (String field : path) {
                    value = value.path(field);
                }
                total += value.asLong();
            }
        }
        return total;
    }

    private void deliver(String body) {
        assertThat(ProviderEvents.deliverToStripeWebhook(api, body, CLOCK.instant())
                        .status())
                .isEqualTo(200);
    }
}
