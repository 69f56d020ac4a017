package com.flowmatik.app.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Usage ingest over HTTP: one receipt per event in order, each id recorded once whatever the
 * retries and races, counted in the user's usage, the admin's user list and the billing history
 * like the platform's own requests, and over the plan's limit recorded all the same.
 */
class UsageIngestIT extends IntegrationTest {

    private static final String MODEL = "deepseek-ai/DeepSeek-V3";
    /** DeepSeek-V3 in the price table: 270,000 in and 1,100,000 out per million tokens (micro-dollars). */
    private static final long COST_OF_12_IN_6_OUT = 10; // ceil((12 * 270_000 + 6 * 1_100_000) / 1_000_000)

    @Test
    void eachEventGetsItsReceiptInOrderAndWhatIsAcceptedCountsLikeTheUsersOwnRequests() {
        User ada = signUp("ingest");
        List<Map<String, Object>> batch = List.of(
                event("e1", MODEL, 12, 6),
                event("e1", MODEL, 12, 6),
                event("e2", "no-such-model", 12, 6),
                event("e3", MODEL, -1, 6),
                withTime(
                        event("e4", MODEL, 12, 6),
                        CLOCK.instant().plus(Duration.ofMinutes(10)).toString()),
                withTime(
                        event("e5", MODEL, 12, 6),
                        CLOCK.instant().minusSeconds(30).toString()));

        JsonNode answer = send(ada, batch);

        assertThat(answer.path("accepted").asLong()).isEqualTo(2);
        assertThat(answer.path("duplicates").asLong()).isEqualTo(1);
        assertThat(answer.path("rejected").asLong()).isEqualTo(3);
        assertThat(statuses(answer))
                .containsExactly(
                        "e1 accepted",
                        "e1 duplicate",
                        "e2 rejected unknown-model",
                        "e3 rejected invalid-tokens",
                        "e4 rejected future-time",
                        "e5 accepted");
        JsonNode first = answer.path("receipts").get(0);
        assertThat(first.path("costMicros").asLong()).isEqualTo(COST_OF_12_IN_6_OUT);
        assertThat(first.path("overQuota").asBoolean()).isFalse();
        assertThat(first.path("requestId").asString()).isNotBlank();
        assertThat(answer.path("receipts").get(1).path("requestId").asString())
                .isEqualTo(first.path("requestId").asString());
        assertThat(answer.path("receipts").get(2).has("requestId")).isFalse();
        assertThat(eventTypesOf("usage:" + ada.id)).containsExactly("com.flowmatik.api.usage.UsageRecorded");

        awaitCounted(ada, 2, 2 * 18, 2 * COST_OF_12_IN_6_OUT);
        String admin = adminToken();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode listed = api.get("/api/admin/users?q=" + ada.email.substring(0, ada.email.indexOf('@')), admin)
                    .json()
                    .path("items")
                    .get(0);
            assertThat(listed.path("today").path("requests").asLong()).isEqualTo(2);
            assertThat(listed.path("today").path("tokens").asLong()).isEqualTo(2 * 18);
            assertThat(listed.path("today").path("costMicros").asLong()).isEqualTo(2 * COST_OF_12_IN_6_OUT);
        });
        JsonNode totals =
                api.get("/api/payments/billing-history", ada.token).json().path("totals");
        assertThat(totals.path("requests").asLong()).isEqualTo(2);
        assertThat(totals.path("promptTokens").asLong()).isEqualTo(24);
        assertThat(totals.path("completionTokens").asLong()).isEqualTo(12);
        assertThat(totals.path("aiCostMicros").asLong()).isEqualTo(2 * COST_OF_12_IN_6_OUT);

        JsonNode again = send(ada, batch);

        assertThat(statuses(again))
                .containsExactly(
                        "e1 duplicate",
                        "e1 duplicate",
                        "e2 rejected unknown-model",
                        "e3 rejected invalid-tokens",
                        "e4 rejected future-time",
                        "e5 duplicate");
        assertThat(again.path("receipts").get(0).path("requestId").asString())
                .isEqualTo(first.path("requestId").asString());
        assertThat(eventTypesOf("usage:" + ada.id)).containsExactly("com.flowmatik.api.usage.UsageRecorded");
        awaitReadModelsCaughtUp();
        awaitCounted(ada, 2, 2 * 18, 2 * COST_OF_12_IN_6_OUT);
    }

    @Test
    void theSameIdWithAnotherBodyIsRejectedAsReusedAndKeepsItsFirstReceipt() {
        User ada = signUp("reuse");
        JsonNode first = send(ada, List.of(event("call-1", MODEL, 12, 6)))
                .path("receipts")
                .get(0);

        JsonNode reused =
                send(ada, List.of(event("call-1", MODEL, 13, 6), withMetadata(event("call-1", MODEL, 12, 6))));

        assertThat(statuses(reused)).containsExactly("call-1 rejected id-reused", "call-1 rejected id-reused");
        Response receipt = api.get("/api/usage/events/call-1", ada.token);
        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.json().path("status").asString()).isEqualTo("accepted");
        assertThat(receipt.json().path("requestId").asString())
                .isEqualTo(first.path("requestId").asString());
        assertThat(receipt.json().path("costMicros").asLong()).isEqualTo(COST_OF_12_IN_6_OUT);
        assertThat(api.get("/api/usage/events/never-sent", ada.token).status()).isEqualTo(404);
    }

    @Test
    void anotherUsersIdIsUnknownToTheCallerAndFreeForTheirOwnUse() {
        User ada = signUp("owner");
        User bob = signUp("other");
        send(ada, List.of(event("shared-id", MODEL, 12, 6)));

        assertThat(api.get("/api/usage/events/shared-id", bob.token).status()).isEqualTo(404);
        assertThat(statuses(send(bob, List.of(event("shared-id", MODEL, 12, 6)))))
                .containsExactly("shared-id accepted");
    }

    @Test
    void concurrentIdenticalBatchesRecordEachIdOnce() throws Exception {
        User ada = signUp("race");
        List<Map<String, Object>> batch = events("race-", 50, 12, 6);
        List<JsonNode> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                sent.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/usage/events", Map.of("events", batch), ada.token);
                }));
            }
            start.countDown();
            for (Future<Response> response : sent) {
                assertThat(response.get().status()).isEqualTo(200);
                answers.add(response.get().json());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(answers.stream()
                        .mapToLong(answer -> answer.path("accepted").asLong())
                        .sum())
                .isEqualTo(50);
        assertThat(answers.stream()
                        .mapToLong(answer -> answer.path("duplicates").asLong())
                        .sum())
                .isEqualTo(5 * 50);
        Map<String, String> requestIds = new HashMap<>();
        for (JsonNode answer : answers) {
            for (JsonNode receipt : answer.path("receipts")) {
                String known = requestIds.putIfAbsent(
                        receipt.path("id").asString(), receipt.path("requestId").asString());
                assertThat(receipt.path("requestId").asString())
                        .isEqualTo(known == null ? receipt.path("requestId").asString() : known);
            }
        }
        assertThat(requestIds).hasSize(50);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM usage_receipt WHERE user_id = ?", Long.class, ada.id))
                .isEqualTo(50);
        awaitCounted(ada, 50, 50 * 18, 50 * COST_OF_12_IN_6_OUT);
    }

    @Test
    void usageOverTheDailyLimitIsRecordedMarkedAndThePlatformsNextRequestIsRefused() {
        User ada = signUp("over");
        List<Map<String, Object>> batch = events("over-", 101, 1, 1);

        JsonNode answer = send(ada, batch);

        assertThat(answer.path("accepted").asLong()).isEqualTo(101);
        assertThat(answer.path("receipts").get(99).path("overQuota").asBoolean())
                .isFalse();
        assertThat(answer.path("receipts").get(100).path("overQuota").asBoolean())
                .isTrue();
        int callsBefore = AI.chatCalls();
        Response chat = api.post("/api/ai/chat", Map.of("message", "Hello"), ada.token);
        assertThat(chat.status()).isEqualTo(429);
        assertThat(chat.json().path("limit").asString()).isEqualTo("requests");
        assertThat(AI.chatCalls()).isEqualTo(callsBefore);
        awaitCounted(
                ada,
                101,
                101 * 2,
                answer.path("receipts").get(0).path("costMicros").asLong() * 101);
    }

    @Test
    void aBatchOfMoreThanAThousandIsRefusedWholeAndRecordsNothing() {
        User ada = signUp("big");
        List<Map<String, Object>> batch = events("big-", 1001, 1, 1);

        Response refused = api.post("/api/usage/events", Map.of("events", batch), ada.token);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(api.get("/api/usage/events/big-0", ada.token).status()).isEqualTo(404);
        assertThat(eventTypesOf("usage:" + ada.id)).isEmpty();
        assertThat(api.post("/api/usage/events", Map.of("events", List.of()), ada.token)
                        .status())
                .isEqualTo(400);
    }

    private record User(String id, String email, String token) {}

    private User signUp(String name) {
        String email = uniqueEmail(name);
        String token = api.register(email, "ingest-password", name);
        return new User(api.get("/api/auth/me", token).json().path("id").asString(), email, token);
    }

    private JsonNode send(User user, List<Map<String, Object>> events) {
        Response answer = api.post("/api/usage/events", Map.of("events", events), user.token);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private void awaitCounted(User user, long requests, long tokens, long costMicros) {
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            JsonNode today = api.get("/api/ai/usage", user.token).json().path("today");
            assertThat(today.path("requests").asLong()).isEqualTo(requests);
            assertThat(today.path("tokens").asLong()).isEqualTo(tokens);
            assertThat(today.path("costMicros").asLong()).isEqualTo(costMicros);
        });
    }

    private static Map<String, Object> event(String id, String model, long prompt, long completion) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", id);
        event.put("model", model);
        event.put("promptTokens", prompt);
        event.put("completionTokens", completion);
        return event;
    }

    /** {@code count} events with the ids {@code prefix0}, {@code prefix1}, … */
    private static List<Map<String, Object>> events(String prefix, int count, long prompt, long completion) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(prefix + i, MODEL, prompt, completion));
        }
        return events;
    }

    private static Map<String, Object> withTime(Map<String, Object> event, String occurredAt) {
        event.put("occurredAt", occurredAt);
        return event;
    }

    private static Map<String, Object> withMetadata(Map<String, Object> event) {
        event.put("metadata", Map.of("customer", "acme-" + UUID.randomUUID()));
        return event;
    }

    /** Each receipt as "id status [reason]". */
    private static List<String> statuses(JsonNode answer) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode receipt : answer.path("receipts")) {
            String line =
                    receipt.path("id").asString() + " " + receipt.path("status").asString();
            statuses.add(
                    receipt.has("reason") ? line + " " + receipt.path("reason").asString() : line);
        }
        return statuses;
    }
}
