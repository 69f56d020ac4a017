package com.flowmatik.app.storage;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool's connections, which start with auto-commit off, committing what was left pending when
 * one goes back to the pool.
 *
 * <p>Auto-commit is off in the pool ({@code spring.datasource.hikari.auto-commit}) so that a
 * transaction neither turns it off when it begins nor on again when it ends: a round trip to the
 * database each, two per transaction, and a fifth of the statements a metered chat sent (README,
 * Benchmarks). A transaction commits or rolls back before its connection goes back, so nothing is
 * pending then and nothing more is sent.
 *
 * <p>Work done outside a transaction relied on auto-commit: a {@code JdbcTemplate} call on its own,
 * db-scheduler's polls, a sign-in's failure count. Its connection goes back with that work pending,
 * and Hikari would roll it back. This data source commits it instead, as auto-commit would have done
 * statement by statement. A commit that fails is logged and thrown to whoever closes the connection.
 */
final class CommitOnReturnDataSource extends DelegatingDataSource implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CommitOnReturnDataSource.class);

    CommitOnReturnDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return committingOnReturn(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return committingOnReturn(obtainTargetDataSource().getConnection(username, password));
    }

    /** Closes the pool when the application context closes (Spring calls this in the pool's place). */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private static Connection committingOnReturn(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                CommitOnReturnDataSource.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new PendingWork(connection));
    }

    /** Follows whether a statement may have run since the last commit or rollback. */
    private static final class PendingWork implements InvocationHandler {

        private final Connection connection;
        private boolean pending;

        PendingWork(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                case "toString" -> {
                    return "committing on return: " + connection;
                }
                case "close" -> {
                    closeCommitting();
                    return null;
                }
                // what runs on the driver's own connection, once unwrapped, is not seen here
                case "createStatement", "prepareStatement", "prepareCall", "unwrap" -> pending = true;
                case "commit" -> pending = false;
                // a rollback to a savepoint leaves the transaction open
                case "rollback" -> pending = pending && args != null;
                // turning auto-commit on commits; turning it off when it is off changes nothing
                case "setAutoCommit" -> pending = pending && !Boolean.TRUE.equals(args[0]);
                default -> {
                    // passed on as it is
                }
            }
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException failed) {
                throw failed.getCause();
            }
        }

        private void closeCommitting() throws SQLException {
            try {
                if (pending && !connection.isClosed() && !connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException failed) {
                log.warn("Work done outside a transaction could not be committed: {}", failed.toString());
                throw failed;
            } finally {
                pending = false;
                connection.close();
            }
        }
    }
}
