package com.flowmatik.app.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Chat over HTTP against the OpenAI stand-in: quotas first, then metering from the provider's numbers. */
class MeteredChatIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** DeepSeek-V3 in the price table: 270,000 in and 1,100,000 out per million tokens (micro-dollars). */
    private static final long COST_OF_12_IN_6_OUT = 10; // ceil((12 * 270_000 + 6 * 1_100_000) / 1_000_000)

    @Test
    void aChatIsMeteredFromTheProvidersOwnNumbersAndPricedFromTheTable() {
        String token = signUp("meter");
        AI.reply("Hello Ada, how can I help?", 12, 6);

        Response answer = chat(token, Map.of("message", "Hello"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.path("content").asString()).isEqualTo("Hello Ada, how can I help?");
        assertThat(body.path("model").asString()).isEqualTo("deepseek-ai/DeepSeek-V3");
        assertThat(body.path("usage").path("promptTokens").asLong()).isEqualTo(12);
        assertThat(body.path("usage").path("completionTokens").asLong()).isEqualTo(6);
        assertThat(body.path("usage").path("totalTokens").asLong()).isEqualTo(18);
        assertThat(body.path("costMicros").asLong()).isEqualTo(COST_OF_12_IN_6_OUT);
        assertThat(AI.received("/v1/chat/completions")
                        .get(0)
                        .body()
                        .path("model")
                        .asString())
                .isEqualTo("deepseek-ai/DeepSeek-V3");

        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode today = api.get("/api/ai/usage", token).json().path("today");
            assertThat(today.path("requests").asLong()).isEqualTo(1);
            assertThat(today.path("tokens").asLong()).isEqualTo(18);
            assertThat(today.path("costMicros").asLong()).isEqualTo(COST_OF_12_IN_6_OUT);
            assertThat(today.path("requestLimit").asLong()).isEqualTo(100);
            assertThat(today.path("tokenLimit").asLong()).isEqualTo(50_000);
        });
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        assertThat(eventTypesOf("usage:" + userId))
                .containsExactly(
                        "com.flowmatik.api.usage.AiRequestStarted",
                        "com.flowmatik.api.usage.AiRequestCompleted",
                        "com.flowmatik.api.usage.TokensCharged");
    }

    @Test
    void aStreamedChatSendsDeltasAndEndsWithTheUsageOfTheFinalChunk() {
        String token = signUp("stream");
        AI.reply("One two three four", 20, 4);

        Response answer = chat(token, Map.of("message", "Count", "stream", true));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/event-stream");
        StringBuilder content = new StringBuilder();
        JsonNode done = null;
        for (String[] event : events(answer.body())) {
            if (event[0].equals("delta")) {
                content.append(JSON.readTree(event[1]).path("content").asString());
            } else if (event[0].equals("done")) {
                done = JSON.readTree(event[1]);
            }
        }
        assertThat(content.toString()).isEqualTo("One two three four");
        assertThat(done).isNotNull();
        assertThat(done.path("usage").path("promptTokens").asLong()).isEqualTo(20);
        assertThat(done.path("usage").path("completionTokens").asLong()).isEqualTo(4);
        assertThat(AI.received("/v1/chat/completions")
                        .get(0)
                        .body()
                        .path("stream_options")
                        .path("include_usage")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theHundredAndFirstRequestOfAFreeDayIsRefusedWithoutCallingTheProvider() {
        String token = signUp("limit");
        for (int i = 0; i < 100; i++) {
            assertThat(chat(token, Map.of("message", "n" + i)).status()).isEqualTo(200);
        }
        int callsBefore = AI.chatCalls();

        Response refused = chat(token, Map.of("message", "one more"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("type").asString()).endsWith("/quota-exceeded");
        assertThat(refused.json().path("limit").asString()).isEqualTo("requests");
        assertThat(refused.json().path("used").asLong()).isEqualTo(100);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 86_400L);
        assertThat(AI.chatCalls()).isEqualTo(callsBefore);
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        assertThat(eventTypesOf("usage:" + userId)).endsWith("com.flowmatik.api.usage.DailyQuotaExceeded");
        // a hundred chats are more than a hundred of the account's events: it was snapshotted on the
        // snapshotter's thread after the command that crossed the threshold, and the refusal above
        // was decided on the state it carries
        await().atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                                Long.class,
                                "usage:" + userId)
                        > 0);
    }

    @Test
    void twentyConcurrentRequestsWithFiveLeftLetExactlyFiveReachTheProvider() throws Exception {
        String token = signUp("burst");
        for (int i = 0; i < 95; i++) {
            chat(token, Map.of("message", "n" + i));
        }
        int callsBefore = AI.chatCalls();

        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return chat(token, Map.of("message", "burst")).status();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
        assertThat(AI.chatCalls() - callsBefore).isEqualTo(5);
    }

    @Test
    void aProviderErrorIsA502RecordedAsAFailureThatChargesNothingAndDoesNotCount() {
        String token = signUp("broken");
        AI.failWith(500);

        Response answer = chat(token, Map.of("message", "Hello"));

        assertThat(answer.status()).isEqualTo(502);
        assertThat(answer.json().path("type").asString()).endsWith("/provider-error");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        assertThat(eventTypesOf("usage:" + userId))
                .containsExactly(
                        "com.flowmatik.api.usage.AiRequestStarted",
                        "com.flowmatik.api.usage.AiRequestFailed",
                        "com.flowmatik.api.usage.AiRequestNotServed");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode today = api.get("/api/ai/usage", token).json().path("today");
            assertThat(today.path("requests").asLong()).isZero();
            assertThat(today.path("tokens").asLong()).isZero();
        });
    }

    @Test
    void aProviderTimeoutIsA504RecordedAsAFailure() {
        String token = signUp("slow");
        AI.delay(Duration.ofSeconds(4));

        Response answer = chat(token, Map.of("message", "Hello"));

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.json().path("type").asString()).endsWith("/provider-timeout");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        assertThat(eventTypesOf("usage:" + userId)).contains("com.flowmatik.api.usage.AiRequestFailed");
    }

    @Test
    void aConversationCarriesItsHistoryAndIsInvisibleToOthers() {
        String ada = signUp("ada");
        String eve = signUp("eve");
        AI.reply("First answer", 5, 2);
        String conversationId = chat(ada, Map.of("message", "First question"))
                .json()
                .path("conversationId")
                .asString();

        AI.reply("Second answer", 9, 2);
        Response second = chat(ada, Map.of("message", "Second question", "conversationId", conversationId));
        Response stolen = chat(eve, Map.of("message", "Let me in", "conversationId", conversationId));

        assertThat(second.status()).isEqualTo(200);
        JsonNode messages = AI.received("/v1/chat/completions").get(1).body().path("messages");
        List<String> contents = messages.valueStream()
                .map(message -> message.path("content").asString())
                .toList();
        assertThat(contents).containsSubsequence("First question", "First answer", "Second question");
        assertThat(stolen.status()).isEqualTo(404);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode list = api.get("/api/ai/conversations", ada).json();
            assertThat(list.size()).isEqualTo(1);
            assertThat(list.get(0).path("messageCount").asInt()).isEqualTo(4);
            assertThat(list.get(0).path("title").asString()).isEqualTo("First question");
        });
        assertThat(api.get("/api/ai/conversations", eve).json().size()).isZero();
    }

    @Test
    void theModelsAndTheStatusOfTheConfiguredProviderAreListed() {
        String token = signUp("models");

        JsonNode models = api.get("/api/ai/models", token).json();
        JsonNode status = api.get("/api/ai/status", token).json();

        assertThat(models.valueStream()
                        .map(model -> model.path("id").asString())
                        .toList())
                .contains("deepseek-ai/DeepSeek-V3")
                .doesNotContain("offline");
        assertThat(status.path("status").asString()).isEqualTo("available");
    }

    @Test
    void aProviderThatReportsNoUsageIsChargedByTheTokenizerAndMarkedEstimated() {
        String token = signUp("estimate");
        AI.reply("An answer without usage", 0, 0).withoutUsage();

        JsonNode body = chat(token, Map.of("message", "Count this for me")).json();

        assertThat(body.path("estimated").asBoolean()).isTrue();
        assertThat(body.path("usage").path("promptTokens").asLong()).isPositive();
        assertThat(body.path("usage").path("completionTokens").asLong())
                .isEqualTo(new com.flowmatik.command.ai.provider.TokenCounter().count("An answer without usage"));
    }

    @Test
    void anAdminPutsAUserOnAPlanAndItsLimitsFollow() {
        String token = signUp("upgraded");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        String admin = adminToken();

        Response changed = api.put("/api/admin/users/" + userId + "/plan", Map.of("plan", "business"), admin);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().path("plan").asString()).isEqualTo("business");
        assertThat(changed.json().path("role").asString())
                .as("a paid plan's role")
                .isEqualTo("premium");
        assertThat(api.get("/api/auth/me", token).json().path("role").asString())
                .isEqualTo("premium");
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode usage = api.get("/api/ai/usage", token).json();
            assertThat(usage.path("plan").asString()).isEqualTo("business");
            assertThat(usage.path("today").path("requestLimit").isNull()).isTrue();
        });
        Response unknown = api.put("/api/admin/users/nobody/plan", Map.of("plan", "pro"), admin);
        assertThat(unknown.status()).isEqualTo(404);
    }

    private String signUp(String name) {
        return api.register(uniqueEmail(name), "chat-password", name);
    }

    private Response chat(String token, Map<String, Object> body) {
        return api.post("/api/ai/chat", body, token);
    }

    /** The events of an SSE body as [name, data] pairs. */
    private static List<String[]> events(String body) {
        List<String[]> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).trim());
            } else if (line.isBlank() && data.length() > 0) {
                events.add(new String[] {name, data.toString()});
                name = "message";
                data.setLength(0);
            }
        }
        return events;
    }
}
