package com.flowmatik.app.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.api.identity.ChangeRole;
import com.flowmatik.api.identity.Role;
import com.flowmatik.api.identity.UserId;
import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A projection that cannot handle an event parks it in its dead-letter queue with the rest of that
 * user's events and goes on with everyone else's; an operator sees the parked events and, once the
 * cause is fixed, has them handled again.
 *
 * <p>The poison is real: the users read model lost a user's row (as after a bad manual fix), so the
 * projection's handler of her role change fails ("users has no row … replay the projection").
 */
class DeadLetterIT extends IntegrationTest {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void everyProjectionHasADeadLetterQueueButTheLookupsAndTheLiveNotificationsDoNot() {
        List<String> streaming = processing.eventProcessors().entrySet().stream()
                .filter(entry -> entry.getValue() instanceof StreamingEventProcessor)
                .map(Map.Entry::getKey)
                .filter(name -> processing.sagaConfigurations().stream()
                        .noneMatch(saga -> saga.processingGroup().equals(name)))
                .toList();

        assertThat(streaming)
                .contains(
                        "users",
                        "usage",
                        "conversations",
                        "subscriptions",
                        "invoices",
                        "webhooks",
                        "admin-metrics",
                        "live");
        assertThat(streaming)
                .filteredOn(group -> !group.equals("live"))
                .allSatisfy(group ->
                        assertThat(processing.deadLetterQueue(group)).as(group).isPresent());
        // the write side's lookups fail their command instead; the live notifications' position is per instance
        assertThat(processing.deadLetterQueue("account-lookups")).isEmpty();
        assertThat(processing.deadLetterQueue("live")).isEmpty();
    }

    @Test
    void anEventAProjectionCannotHandleIsParkedTheProjectionGoesOnAndARetryAppliesIt() {
        String admin = adminToken();
        UserId ada = register("dlq-ada");
        UserId operator =
                UserId.of(api.get("/api/auth/me", admin).json().path("id").asString());
        await().atMost(Duration.ofSeconds(10)).until(() -> usersRow(ada) != null);
        Map<String, Object> lostRow = usersRow(ada);
        jdbc.update("DELETE FROM users WHERE id = ?", ada.value());

        commands.sendAndWait(new ChangeRole(ada, Role.PREMIUM, operator, Instant.now()));
        commands.sendAndWait(new ChangeRole(ada, Role.USER, operator, Instant.now()));
        UserId bob = register("dlq-bob");

        await().atMost(Duration.ofSeconds(10)).until(() -> usersRow(bob) != null);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(parked(admin, "users")).hasSize(2));
        List<JsonNode> letters = parked(admin, "users");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.path("group").asString()).isEqualTo("users");
            assertThat(letter.path("sequence").asString()).isEqualTo(ada.value());
            assertThat(letter.path("eventType").asString()).isEqualTo("RoleChanged");
            assertThat(letter.path("enqueuedAt").asString()).isNotBlank();
        });
        assertThat(letters.get(0).path("cause").asString())
                .contains("IllegalStateException")
                .contains("users has no row for " + ada.value());
        assertThat(usersRow(ada)).isNull();

        restore(lostRow);
        Response retry = api.post("/api/admin/dead-letters/users/retry", Map.of(), admin);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().path("succeeded").asInt()).isEqualTo(1);
        assertThat(retry.json().path("remaining").asLong()).isZero();
        assertThat(String.valueOf(usersRow(ada).get("role"))).isEqualToIgnoringCase("user");
        assertThat(parked(admin, "users")).isEmpty();
        assertThat(api.post("/api/admin/dead-letters/no-such-group/retry", Map.of(), admin)
                        .status())
                .isEqualTo(404);
        assertThat(api.get(
                                "/api/admin/dead-letters",
                                api.register(uniqueEmail("dlq-user"), "correct-horse-battery", "U"))
                        .status())
                .isEqualTo(403);
    }

    private List<JsonNode> parked(String admin, String group) {
        Response answer = api.get("/api/admin/dead-letters", admin);
        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> letters = new ArrayList<>();
        for (JsonNode queue : answer.json()) {
            if (queue.path("group").asString().equals(group)) {
                assertThat(queue.path("count").asLong())
                        .isEqualTo(queue.path("entries").size());
                queue.path("entries").forEach(letters::add);
            }
        }
        return letters;
    }

    private Map<String, Object> usersRow(UserId user) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM users WHERE id = ?", user.value());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private void restore(Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String marks = row.keySet().stream().map(column -> "?").collect(Collectors.joining(", "));
        jdbc.update(
                "INSERT INTO users (" + columns + ") VALUES (" + marks + ")",
                row.values().toArray());
    }

    private UserId register(String name) {
        String token = api.register(uniqueEmail(name), "correct-horse-battery", name);
        return UserId.of(api.get("/api/auth/me", token).json().path("id").asString());
    }
}
