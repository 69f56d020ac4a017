package com.flowmatik.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The users read model is derived data: dropped with its tracking token, it comes back identical. */
class UsersReplayIT extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void droppingTheUsersTableAndItsTokenThenReplayingGivesTheSameRows() {
        for (int i = 0; i < 5; i++) {
            api.register(uniqueEmail("replay" + i), "replay-password", "Replay " + i);
        }
        List<Map<String, Object>> before = usersTable();
        assertThat(before).hasSizeGreaterThanOrEqualTo(5);

        StreamingEventProcessor users = processing
                .eventProcessor("users", StreamingEventProcessor.class)
                .orElseThrow();
        users.shutDown();
        jdbc.update("DELETE FROM users");
        jdbc.update("DELETE FROM token_entry WHERE processor_name = 'users'");
        assertThat(usersTable()).isEmpty();
        users.start();

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(usersTable()).isEqualTo(before));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = 'users'", Long.class))
                .isPositive();
    }

    private List<Map<String, Object>> usersTable() {
        return jdbc.queryForList("SELECT * FROM users ORDER BY id");
    }
}
