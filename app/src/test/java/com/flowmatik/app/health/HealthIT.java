package com.flowmatik.app.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.app.support.TestSecrets;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Health for users and operators, metrics for Prometheus, a durable token store and the JDBC event store. */
class HealthIT extends IntegrationTest {

    @Autowired
    TokenStore tokenStore;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    MeterRegistry meters;

    @Test
    void healthAnswersInTheOriginalServicesShape() {
        Response response = api.get("/health", null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("healthy");
        assertThat(body.path("timestamp").asString()).isNotBlank();
        assertThat(body.path("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(body.path("environment").asString()).isEqualTo("test");
    }

    @Test
    void healthAnswersFromTheLastCheckOfTheComponentsNotOneCheckPerRequest() {
        // checkedAt is read from the platform's clock, which other tests move: compared only with itself
        Set<String> checks = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            JsonNode body = api.get("/health", null).json();
            assertThat(body.path("status").asString()).isEqualTo("healthy");
            checks.add(body.path("checkedAt").asString());
        }
        // five answers in a row come from one check, or two when the monitor's next one fell between them
        assertThat(checks).hasSizeLessThanOrEqualTo(2);

        // and the monitor keeps renewing it without being asked
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !checks.contains(
                        api.get("/health", null).json().path("checkedAt").asString()));
    }

    @Test
    void actuatorHealthCoversTheDatabaseTheEventProcessorsAndRedisInMysqlMode() {
        String admin = api.post(
                        "/api/auth/login",
                        Map.of("email", TestSecrets.ADMIN_EMAIL, "password", TestSecrets.ADMIN_PASSWORD),
                        null)
                .json()
                .path("token")
                .asString();

        JsonNode components = api.get("/actuator/health", admin).json().path("components");

        assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("eventProcessors").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("eventProcessors").path("details").has("users"))
                .isTrue();
        assertThat(components
                        .path("eventProcessors")
                        .path("details")
                        .path("users")
                        .path("running")
                        .asBoolean())
                .isTrue();
        assertThat(components.has("redis")).isEqualTo(TestMode.current() == TestMode.MYSQL);
        if (TestMode.current() == TestMode.MYSQL) {
            assertThat(components.path("redis").path("status").asString()).isEqualTo("UP");
        }
    }

    @Test
    void anonymousCallersSeeTheOverallStatusButNoDetails() {
        JsonNode body = api.get("/actuator/health", null).json();

        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("eventProcessors").has("details"))
                .isFalse();
    }

    @Test
    void prometheusScrapesMetrics() {
        Response response = api.get("/actuator/prometheus", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void requestsAreTimedWithoutAnObservationOfEachSecurityFilter() {
        api.get("/health", null);
        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters())
                .noneMatch(meter -> meter.getId().getName().startsWith("spring.security"));
    }

    @Test
    void eventsAreAppendedThroughJdbcIntoTheEventTable() {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);

        api.register(uniqueEmail("stored"), "stored-password", "Stored");

        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isGreaterThan(before);
    }

    @Test
    void trackingTokensAreStoredInTheDatabaseNotInMemory() {
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = 'users'", Long.class))
                .isPositive();
    }
}
