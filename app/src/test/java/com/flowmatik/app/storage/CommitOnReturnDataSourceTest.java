package com.flowmatik.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Savepoint;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Against a real (in-memory H2) database behind a Hikari pool whose auto-commit is off, as the platform runs it. */
class CommitOnReturnDataSourceTest {

    private HikariDataSource pool;
    private CommitOnReturnDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void pool() {
        pool = new HikariDataSource();
        pool.setJdbcUrl("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        pool.setAutoCommit(false);
        pool.setMaximumPoolSize(2);
        dataSource = new CommitOnReturnDataSource(pool);
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE note (text VARCHAR(20))");
    }

    @AfterEach
    void close() throws Exception {
        dataSource.close();
    }

    @Test
    void workOutsideATransactionIsCommittedWhenItsConnectionGoesBack() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getAutoCommit()).isFalse();
            connection.createStatement().executeUpdate("INSERT INTO note VALUES ('on its own')");
        }
        jdbc.update("INSERT INTO note VALUES ('by the template')");

        assertThat(notesSeenByAnotherConnection()).containsExactlyInAnyOrder("on its own", "by the template");
    }

    @Test
    void aTransactionDecidesForItself() {
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transaction.executeWithoutResult(status -> jdbc.update("INSERT INTO note VALUES ('committed')"));
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    jdbc.update("INSERT INTO note VALUES ('rolled back')");
                    throw new IllegalStateException("the transaction fails");
                }))
                .hasMessage("the transaction fails");

        assertThat(notesSeenByAnotherConnection()).containsExactly("committed");
    }

    @Test
    void aRollbackEndsTheWorkButARollbackToASavepointDoesNot() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO note VALUES ('dropped')");
            connection.rollback();
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO note VALUES ('kept')");
            Savepoint savepoint = connection.setSavepoint();
            connection.createStatement().executeUpdate("INSERT INTO note VALUES ('undone')");
            connection.rollback(savepoint);
        }

        assertThat(notesSeenByAnotherConnection()).containsExactly("kept");
    }

    @Test
    void turningAutoCommitOffWhenItIsOffLeavesTheWorkPending() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO note VALUES ('still pending')");
            connection.setAutoCommit(false);
        }

        assertThat(notesSeenByAnotherConnection()).containsExactly("still pending");
    }

    @Test
    void closingItClosesThePool() throws Exception {
        dataSource.close();

        assertThat(pool.isClosed()).isTrue();
    }

    /** Read on a connection straight from the pool: only what was committed shows. */
    private List<String> notesSeenByAnotherConnection() {
        return new JdbcTemplate(pool).queryForList("SELECT text FROM note", String.class);
    }
}
