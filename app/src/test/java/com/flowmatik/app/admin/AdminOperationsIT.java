package com.flowmatik.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.TestMode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What operators see of the running platform: every component's health and the recent log lines. */
class AdminOperationsIT extends IntegrationTest {

    @Test
    void healthShowsEveryComponentAndEveryEventProcessor() {
        Response response = api.get("/api/admin/health", adminToken());

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("UP");
        JsonNode components = body.path("components");
        assertThat(components.path("database").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("eventStore").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("eventStore").path("headPosition").asLong()).isGreaterThanOrEqualTo(0);
        if (TestMode.current() == TestMode.MYSQL) {
            assertThat(components.path("redis").path("status").asString()).isEqualTo("UP");
        } else {
            assertThat(components.path("redis").asString()).isEqualTo("not used");
        }
        assertThat(components.path("aiProvider").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("aiProvider").path("circuitBreaker").asString())
                .isEqualTo("CLOSED");
        assertThat(components.path("stripe").path("status").asString()).isEqualTo("configured");
        assertThat(components.path("lemonSqueezy").path("status").asString()).isEqualTo("configured");

        List<String> names = new ArrayList<>();
        for (JsonNode processor : components.path("eventProcessors")) {
            names.add(processor.path("name").asString());
            assertThat(processor.path("running").asBoolean())
                    .as(processor.toString())
                    .isTrue();
            assertThat(processor.path("error").asBoolean())
                    .as(processor.toString())
                    .isFalse();
        }
        assertThat(names).contains("users", "usage", "live");
        JsonNode users = processor(components, "users");
        assertThat(users.path("segments").asInt()).isPositive();
        assertThat(users.has("position")).isTrue();
        assertThat(users.path("lag").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(users.has("replaying")).isTrue();
    }

    @Test
    void logsAnswerRecentLinesAndTheLinesOfOneRequest() {
        String admin = adminToken();
        String requestId = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        Response broadcast = api.send(api.request("/api/admin/notifications", admin)
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"title\":\"Logged\",\"message\":\"A logged broadcast\",\"audience\":\"all\"}")));
        assertThat(broadcast.status()).isEqualTo(202);
        String echoed = broadcast.header("X-Request-Id");
        assertThat(echoed).isEqualTo(requestId);

        JsonNode recent = api.get("/api/admin/logs?limit=50", admin).json().path("lines");
        JsonNode ofTheRequest =
                api.get("/api/admin/logs?requestId=" + echoed, admin).json().path("lines");
        JsonNode warnings = api.get("/api/admin/logs?level=warn", admin).json().path("lines");

        assertThat(recent.size()).isBetween(1, 50);
        assertThat(ofTheRequest.size()).isPositive();
        for (JsonNode line : ofTheRequest) {
            assertThat(line.path("requestId").asString()).isEqualTo(echoed);
            assertThat(line.path("at").asString()).isNotBlank();
            assertThat(line.path("level").asString()).isNotBlank();
            assertThat(line.path("logger").asString()).isNotBlank();
            assertThat(line.path("thread").asString()).isNotBlank();
        }
        assertThat(ofTheRequest.findValuesAsString("message")).anyMatch(message -> message.contains("Logged"));
        for (JsonNode line : warnings) {
            assertThat(line.path("level").asString()).isIn("WARN", "ERROR");
        }
        assertThat(api.get("/api/admin/logs?level=loud", admin).status()).isEqualTo(400);
        assertThat(api.get("/api/admin/logs?limit=0", admin).status()).isEqualTo(400);
    }

    @Test
    void onlyAdminsMayLookOrBroadcast() {
        String user = api.register(uniqueEmail("not-admin"), "correct-horse-battery", "Not Admin");

        assertThat(api.get("/api/admin/health", user).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/logs", user).status()).isEqualTo(403);
        assertThat(api.post(
                                "/api/admin/notifications",
                                Map.of("title", "Hi", "message", "All of you", "audience", "all"),
                                user)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/admin/health", null).status()).isEqualTo(401);
    }

    private static JsonNode processor(JsonNode components, String name) {
        for (JsonNode processor : components.path("eventProcessors")) {
            if (processor.path("name").asString().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name);
    }
}
