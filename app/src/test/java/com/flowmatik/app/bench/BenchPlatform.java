package com.flowmatik.app.bench;

import com.flowmatik.FlowmatikApplication;
import com.flowmatik.app.support.OpenAiStandIn;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.app.support.TestSecrets;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform under load, in the runtime mode the environment names (as the test suite picks it,
 * {@link TestMode}), on storage of its own that is gone after {@link #close()}: a temporary H2
 * directory in embedded mode; in mysql mode a fresh database on the server of {@code DATABASE_URL},
 * dropped at the end, so runs never see each other's users or events.
 */
final class BenchPlatform implements AutoCloseable {

    private final TestMode mode;
    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final String database;

    private BenchPlatform(TestMode mode, ConfigurableApplicationContext context, Path dataDir, String database) {
        this.mode = mode;
        this.context = context;
        this.dataDir = dataDir;
        this.database = database;
    }

    static BenchPlatform start(OpenAiStandIn provider, String... settings) {
        TestMode mode = TestMode.current();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                // only loopback traffic: the load comes from this process
                "--server.address=127.0.0.1",
                "--flowmatik.jwt.secret=" + TestSecrets.JWT,
                "--flowmatik.ai.base-url=" + provider.baseUrl(),
                "--flowmatik.ai.api-key=" + OpenAiStandIn.API_KEY,
                // every request comes from 127.0.0.1: the limits must not be what is measured
                "--flowmatik.rate-limit.user-per-minute=10000000",
                "--flowmatik.rate-limit.ip-per-minute=10000000",
                "--flowmatik.rate-limit.auth-per-minute=10000000",
                "--LOG_FORMAT=",
                "--logging.level.root=WARN"));
        args.addAll(List.of(settings));
        Path dataDir = null;
        String database = null;
        if (mode == TestMode.MYSQL) {
            database = "flowmatik_bench_" + System.currentTimeMillis();
            args.add("--DATABASE_URL=" + ownDatabase(System.getenv("DATABASE_URL"), database));
            // a shared Redis keeps this run's buckets apart from any other user of it
            args.add("--flowmatik.rate-limit.key-prefix=" + database + ":rate:");
        } else {
            dataDir = temporaryDirectory();
            args.add("--FLOWMATIK_DATA_DIR=" + dataDir);
        }
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(FlowmatikApplication.class).run(args.toArray(String[]::new));
        return new BenchPlatform(mode, context, dataDir, database);
    }

    /** The platform's own database, to check what a run left there. */
    JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

    TestMode mode() {
        return mode;
    }

    String description() {
        return mode == TestMode.MYSQL
                ? "mysql (database " + database + " on " + serverOf(jdbcUrl()) + ", Redis)"
                : "embedded (H2 file database, in-process substitutes for Redis)";
    }

    String baseUrl() {
        return "http://127.0.0.1:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Override
    public void close() {
        if (mode == TestMode.MYSQL) {
            HikariDataSource pool = hikari();
            String url = pool.getJdbcUrl();
            String user = pool.getUsername();
            String password = pool.getPassword();
            // dropped after the context closes, so no processor polls tables that are gone
            context.close();
            drop(url, user, password);
        } else {
            context.close();
            deleteRecursively(dataDir);
        }
    }

    /** {@code DATABASE_URL} with this run's database instead of its own, created on first connect. */
    static String ownDatabase(String databaseUrl, String name) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw new IllegalStateException(
                    "mysql mode needs DATABASE_URL, e.g. mysql://root@127.0.0.1:3306/flowmatik");
        }
        String replaced = databaseUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
        return replaced + (replaced.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
    }

    private void drop(String url, String user, String password) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the benchmark database " + database, e);
        }
    }

    private String jdbcUrl() {
        return hikari().getJdbcUrl();
    }

    private HikariDataSource hikari() {
        try {
            return context.getBean(DataSource.class).unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("the datasource is not a Hikari pool", e);
        }
    }

    private static String serverOf(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^(jdbc:[a-z]+://[^/]+)/.*$", "$1");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("flowmatik-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
