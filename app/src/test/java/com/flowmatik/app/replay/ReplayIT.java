package com.flowmatik.app.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.PaymentHistory;
import com.flowmatik.app.support.ReadModelTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every projection rebuilt from the first event through the admin API holds exactly the rows it
 * held before: every table of the database (read models, and the write side's tables a replay must
 * not touch), every row, every column. Axon's own tables and the deadline scheduler's are left out:
 * tokens are what a replay changes, and the scheduler writes heartbeats on its own.
 *
 * <p>Integration tests share one database but run one after another; what could still write during
 * the replay is something asynchronous (a deadline falling due). The snapshot is taken once every
 * processor has caught up, and the comparison counts only if the event stream's head did not move
 * meanwhile; otherwise the whole round is done again.
 */
class ReplayIT extends IntegrationTest {

    @Test
    void replayingEveryProjectionGivesBackExactlyTheRowsItHeld() {
        someHistory();
        String admin = adminToken();
        Response listed = api.get("/api/admin/replay", admin);
        assertThat(listed.status()).isEqualTo(200);
        List<String> projections = new ArrayList<>();
        listed.json()
                .forEach(projection -> projections.add(projection.path("name").asString()));
        assertThat(projections)
                .contains("users", "usage", "conversations", "subscriptions", "invoices", "webhooks")
                .doesNotContain("account-lookups", "SubscriptionSagaProcessor");
        // users last: while it is rebuilt, tokens of users not yet back (the operator's too) are refused
        projections.sort((a, b) -> Boolean.compare(a.equals("users"), b.equals("users")));

        for (int round = 1; round <= 3; round++) {
            awaitEveryProcessorRunningAndCaughtUp();
            long head = eventStreamHead();
            Map<String, List<Map<String, Object>>> before = tables();

            List<String> replays = new ArrayList<>();
            for (String projection : projections) {
                Response started = api.post("/api/admin/replay/" + projection, Map.of(), admin);
                assertThat(started.status())
                        .as(projection + ": " + started.body())
                        .isEqualTo(202);
                replays.add(started.json().path("replayId").asString());
            }
            for (String replayId : replays) {
                await().atMost(Duration.ofSeconds(90))
                        .pollInterval(Duration.ofMillis(250))
                        .ignoreExceptions()
                        .untilAsserted(() -> {
                            JsonNode replay = api.get("/api/admin/replay/" + replayId, admin)
                                    .json();
                            assertThat(replay.path("status").asString())
                                    .as(replay.toString())
                                    .isEqualTo("done");
                            assertThat(replay.path("processed").asLong())
                                    .isEqualTo(replay.path("total").asLong());
                            assertThat(replay.path("endedAt").asString()).isNotBlank();
                        });
            }

            if (eventStreamHead() == head) {
                assertThat(ReadModelTables.differences(before, tables())).isEmpty();
                return;
            }
        }
        fail("events kept arriving during three rounds of replays: nothing could be compared");
    }

    @Test
    void anUnknownProjectionIsNotFoundAndASecondReplayOfTheSameIsRefusedWhileOneRuns() {
        String admin = adminToken();

        assertThat(api.post("/api/admin/replay/no-such-projection", Map.of(), admin)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/admin/replay/SubscriptionSagaProcessor", Map.of(), admin)
                        .status())
                .isEqualTo(404);
        Response first = api.post("/api/admin/replay/conversations", Map.of(), admin);
        Response second = api.post("/api/admin/replay/conversations", Map.of(), admin);

        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(409);
        String replayId = first.json().path("replayId").asString();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(api.get("/api/admin/replay/" + replayId, admin)
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("done"));
        assertThat(api.get("/api/admin/replay/" + UUID.randomUUID(), admin).status())
                .isEqualTo(404);
    }

    /** A user who chats, sends usage from elsewhere (today's and yesterday's) and pays, so that every projection has rows of this test too. */
    private void someHistory() {
        String token = api.register(uniqueEmail("replay"), "correct-horse-battery", "Replay");
        String id = api.get("/api/auth/me", token).json().path("id").asString();
        AI.reply("Hello", 11, 7);
        assertThat(api.post("/api/ai/chat", Map.of("message", "Hello"), token).status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/usage/events",
                                Map.of(
                                        "events",
                                        List.of(
                                                Map.of(
                                                        "id",
                                                        "elsewhere-1",
                                                        "model",
                                                        "deepseek-ai/DeepSeek-V3",
                                                        "promptTokens",
                                                        40,
                                                        "completionTokens",
                                                        9),
                                                Map.of(
                                                        "id",
                                                        "elsewhere-2",
                                                        "model",
                                                        "deepseek-ai/DeepSeek-V3",
                                                        "promptTokens",
                                                        3,
                                                        "completionTokens",
                                                        1,
                                                        "occurredAt",
                                                        CLOCK.instant()
                                                                .minus(java.time.Duration.ofDays(1))
                                                                .toString()))),
                                token)
                        .status())
                .isEqualTo(200);
        PaymentHistory.stripeStarter(api, CLOCK.instant(), id);
    }

    private Map<String, List<Map<String, Object>>> tables() {
        Map<String, List<Map<String, Object>>> tables = ReadModelTables.of(jdbc);
        assertThat(tables).containsKeys("users", "daily_usage", "subscription", "invoice", "webhook_delivery");
        return tables;
    }
}
