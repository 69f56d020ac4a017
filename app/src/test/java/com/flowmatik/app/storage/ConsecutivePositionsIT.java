package com.flowmatik.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.app.support.IntegrationTest;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows appended as a JDBC batch take consecutive auto-increment positions through the platform's
 * own connection pool, as the events of a unit of work do in {@code domain_event_entry}: a hole
 * would be a gap every processor tracks and queries again until it times out. MariaDB's driver
 * leaves holes unless its bulk command is off ({@code useBulkStmts} in the mysql profile).
 */
class ConsecutivePositionsIT extends IntegrationTest {

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void createTable() {
        jdbc.execute("CREATE TABLE probe_position (position BIGINT NOT NULL AUTO_INCREMENT, round_no INT NOT NULL,"
                + " PRIMARY KEY (position)) ENGINE = InnoDB");
    }

    @AfterEach
    void dropTable() {
        jdbc.execute("DROP TABLE probe_position");
    }

    @Test
    void batchesOfTwoAndThreeRowsLeaveNoHoleInTheAutoIncrement() {
        for (int round = 0; round < 30; round++) {
            int rows = 2 + round % 2;
            List<Object[]> batch = Collections.nCopies(rows, new Object[] {round});
            transactions.executeWithoutResult(
                    status -> jdbc.batchUpdate("INSERT INTO probe_position (round_no) VALUES (?)", batch));
        }

        long count = jdbc.queryForObject("SELECT COUNT(*) FROM probe_position", Long.class);
        long span = jdbc.queryForObject("SELECT MAX(position) - MIN(position) + 1 FROM probe_position", Long.class);
        assertThat(count).isEqualTo(75);
        assertThat(span).as("positions from first to last").isEqualTo(count);
    }
}
