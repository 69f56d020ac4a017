package com.flowmatik.app.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.FlowmatikApplication;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded platform stops cleanly: started as a user starts it, in a process of its own (a
 * stop runs the JVM's shutdown hooks, which no in-process test exercises), given some work, then
 * sent SIGTERM, its log holds no ERROR, no WARN and no stack trace from start to exit. It does not
 * extend {@code IntegrationTest} because the shared context never sees a JVM stop.
 */
// embedded by design, whatever the pass: the mysql pass would run the very same thing a second time
@DisabledIfEnvironmentVariable(named = "SPRING_PROFILES_ACTIVE", matches = ".*mysql.*")
class CleanStopIT {

    private static final Pattern WARN_OR_ERROR = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s", Pattern.MULTILINE);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    @TempDir
    Path dataDir;

    @Test
    void aStoppedPlatformLeavesNoErrorOrWarningInItsLog() throws Exception {
        Path log = dataDir.resolve("platform.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                        Paths.get(System.getProperty("java.home"), "bin", "java")
                                .toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FlowmatikApplication.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // the embedded mode whatever CI's pass sets
        List.of(
                        "SPRING_PROFILES_ACTIVE",
                        "DATABASE_URL",
                        "REDIS_URL",
                        "SILICONFLOW_API_KEY",
                        "LOG_FORMAT",
                        "JWT_SECRET")
                .forEach(environment::remove);
        environment.put("FLOWMATIK_DATA_DIR", dataDir.resolve("data").toString());
        environment.put("PORT", String.valueOf(port));
        Process platform = builder.start();
        try {
            awaitStarted(platform, log);
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 5; i++) {
                // each sign-up keeps the projections busy while the stop comes
                String body = "{\"email\":\"stop-" + UUID.randomUUID()
                        + "@example.test\",\"password\":\"correct-horse\",\"name\":\"Stop\"}";
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/register"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
            }
        } finally {
            platform.destroy();
            if (!platform.waitFor(2, TimeUnit.MINUTES)) {
                platform.destroyForcibly();
            }
        }

        String output = Files.readString(log);
        assertThat(output).contains("Started FlowmatikApplication");
        assertThat(WARN_OR_ERROR
                        .matcher(output)
                        .results()
                        .map(match -> lineAt(output, match.start()))
                        .toList())
                .as("WARN and ERROR lines")
                .isEmpty();
        assertThat(output).doesNotContain("\tat ");
        assertThat(dataDir.resolve("data/flowmatik.trace.db")).doesNotExist();
    }

    private static void awaitStarted(Process platform, Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.readString(log).contains("Started FlowmatikApplication")) {
                return;
            }
            if (!platform.isAlive()) {
                throw new AssertionError("the platform exited at start:\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the platform did not start within " + START_TIMEOUT + ":\n" + Files.readString(log));
    }

    private static String lineAt(String text, int start) {
        int end = text.indexOf('\n', start);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
