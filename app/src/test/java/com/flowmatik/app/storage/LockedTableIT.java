package com.flowmatik.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.TestMode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A locked table does not hang requests: with the event store's table locked by another session, a
 * command answers a 503 problem with {@code Retry-After} within the lock timeout (5 s), and
 * {@code /health} answers within its own timeout (2 s), naming the component that is slow. MariaDB
 * only: H2 has table locks of another kind.
 */
class LockedTableIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aCommandOnALockedTableIsA503WithinSecondsAndHealthNamesTheSlowComponent() throws Exception {
        Assumptions.assumeTrue(TestMode.current() == TestMode.MYSQL, "MariaDB's table locks");
        try (Connection locker = dataSource.getConnection();
                Statement lock = locker.createStatement()) {
            lock.execute("LOCK TABLES domain_event_entry WRITE");
            try {
                long started = System.nanoTime();
                Response registered = api.post(
                        "/api/auth/register",
                        Map.of("email", uniqueEmail("locked"), "password", "locked-password", "name", "Locked"),
                        null);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(registered.status()).as(registered.body()).isEqualTo(503);
                assertThat(registered.json().path("type").asString()).endsWith("/service-unavailable");
                assertThat(registered.header("Retry-After")).isNotBlank();
                assertThat(took).isLessThan(Duration.ofSeconds(9));

                started = System.nanoTime();
                Response health = api.get("/health", null);
                took = Duration.ofNanos(System.nanoTime() - started);

                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().path("slow").has("eventProcessors"))
                        .as(health.body())
                        .isTrue();
                assertThat(took).isLessThan(Duration.ofSeconds(4));
            } finally {
                lock.execute("UNLOCK TABLES");
            }
        }
    }
}
