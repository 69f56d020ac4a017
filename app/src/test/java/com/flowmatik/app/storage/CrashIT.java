package com.flowmatik.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.FlowmatikApplication;
import com.flowmatik.app.metering.AbandonedRequests;
import com.flowmatik.app.support.Api;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.OpenAiStandIn;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.app.support.TestSecrets;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform killed with {@code kill -9} under chat load, then started again: nothing answered 200
 * is lost, nothing is counted twice, nothing stays open. The platform runs as a process of its own
 * on the suite's database (mysql mode: an embedded H2 file cannot be shared between processes), next
 * to the shared test context, as a second instance would.
 */
class CrashIT extends IntegrationTest {

    private static final int USERS = 10;
    private static final int WORKERS = 8;

    @Autowired
    AbandonedRequests abandoned;

    @RepeatedTest(2)
    void aKilledInstanceLosesNothingAnsweredAndCountsNothingTwice() throws Exception {
        Assumptions.assumeTrue(TestMode.current() == TestMode.MYSQL, "needs a database two processes share");
        AI.reply("Hi", 6, 3);
        List<String> tokens = new ArrayList<>();
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String token = api.register(uniqueEmail("crash"), "correct-horse-battery", "Crash");
            tokens.add(token);
            userIds.add(api.get("/api/auth/me", token).json().path("id").asString());
        }
        int port = freePort();
        Process instance = start(port);
        Api victim = new Api(port);
        Set<String> answered = ConcurrentHashMap.newKeySet();
        try {
            awaitHealthy(victim, instance);
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                workers.execute(() -> {
                    for (int n = 0; loading.get(); n++) {
                        try {
                            var answer = victim.post(
                                    "/api/ai/chat", Map.of("message", "load " + n), tokens.get((worker + n) % USERS));
                            if (answer.status() == 200) {
                                answered.add(answer.json().path("requestId").asString());
                            }
                        } catch (RuntimeException refusedOrCut) {
                            // the instance is gone: the client sees its connection fail
                        }
                    }
                });
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> answered.size() >= 40);
            instance.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL
            Thread.sleep(500);
            loading.set(false);
            workers.shutdown();
            assertThat(workers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            long restarting = System.nanoTime();
            instance = start(port);
            awaitHealthy(victim, instance);
            System.out.printf(
                    "crash test: %d chats answered before kill -9; restart to a healthy /health in %.1f s%n",
                    answered.size(), (System.nanoTime() - restarting) / 1e9);
        } finally {
            instance.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        // every answered chat is charged once in the event store, and shows in the usage read model
        List<String> charges = new ArrayList<>();
        for (String userId : userIds) {
            charges.addAll(jdbc.queryForList(
                    "SELECT CONVERT(payload USING utf8mb4) FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ? AND payload_type = ?",
                    String.class,
                    "usage:" + userId,
                    "com.flowmatik.api.usage.TokensCharged"));
        }
        for (String requestId : answered) {
            assertThat(charges)
                    .as("charges of %s", requestId)
                    .filteredOn(charge -> charge.contains("\"" + requestId + "\""))
                    .hasSize(1);
        }
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            for (String requestId : answered) {
                assertThat(jdbc.queryForObject(
                                "SELECT status FROM ai_request_log WHERE request_id = ?", String.class, requestId))
                        .isEqualTo("COMPLETED");
            }
        });
        // requests cut off by the kill are closed once they are old enough; then each user's count
        // in the read model is exactly what their events say
        CLOCK.advance(Duration.ofMinutes(11));
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            abandoned.closeAbandoned();
            for (String userId : userIds) {
                List<String> events = eventTypesOf("usage:" + userId);
                long started = events.stream()
                        .filter(type -> type.endsWith(".AiRequestStarted"))
                        .count();
                long outcomes = events.stream()
                        .filter(type -> type.endsWith(".AiRequestCompleted") || type.endsWith(".AiRequestFailed"))
                        .count();
                long notServed = events.stream()
                        .filter(type -> type.endsWith(".AiRequestNotServed"))
                        .count();
                assertThat(outcomes)
                        .as("requests of %s with an outcome", userId)
                        .isEqualTo(started);
                Long counted = jdbc.queryForObject(
                        "SELECT COALESCE(SUM(requests), 0) FROM daily_usage WHERE user_id = ?", Long.class, userId);
                assertThat(counted)
                        .as("requests of %s in the read model", userId)
                        .isEqualTo(started - notServed);
                assertThat(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM ai_request_log WHERE user_id = ? AND status = 'STARTED'",
                                Integer.class,
                                userId))
                        .as("open requests of %s", userId)
                        .isZero();
            }
        });

        // what the crash left in the usage read model is what its events give when it is rebuilt
        List<Map<String, Object>> live = usageRowsOf(userIds);
        String admin = adminToken();
        String replayId = api.post("/api/admin/replay/usage", Map.of(), admin)
                .json()
                .path("replayId")
                .asString();
        await().atMost(Duration.ofSeconds(120))
                .untilAsserted(() -> assertThat(api.get("/api/admin/replay/" + replayId, admin)
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("done"));
        assertThat(usageRowsOf(userIds))
                .as("the crashed users' usage rows, live and replayed")
                .isEqualTo(live);
    }

    /** The usage read model's rows of these users, in a stable order. */
    private List<Map<String, Object>> usageRowsOf(List<String> userIds) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String userId : userIds) {
            rows.addAll(jdbc.queryForList(
                    "SELECT * FROM daily_usage WHERE user_id = ? ORDER BY usage_date, model", userId));
            rows.addAll(
                    jdbc.queryForList("SELECT * FROM ai_request_log WHERE user_id = ? ORDER BY request_id", userId));
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    /** The platform from the suite's own classpath, as a process of its own, with the suite's settings. */
    private Process start(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                FlowmatikApplication.class.getName(),
                "--server.port=" + port,
                "--flowmatik.jwt.secret=" + TestSecrets.JWT,
                "--flowmatik.environment=test",
                "--flowmatik.rate-limit.user-per-minute=100000",
                "--flowmatik.rate-limit.ip-per-minute=100000",
                "--flowmatik.ai.base-url=" + AI.baseUrl(),
                "--flowmatik.ai.api-key=" + OpenAiStandIn.API_KEY,
                "--LOG_FORMAT=",
                "--logging.level.root=WARN"));
        File log = File.createTempFile("flowmatik-crash-", ".log");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static void awaitHealthy(Api instance, Process process) {
        await().atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive()).as("the instance is running").isTrue();
                    return instance.get("/health", null).status() == 200;
                });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
