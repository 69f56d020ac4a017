package com.flowmatik.app.storage;

import com.flowmatik.app.startup.SettingRefused;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code DATABASE_URL} into {@code spring.datasource.*} before anything reads them. For a
 * {@code mysql://} URL the server kind comes from {@code DATABASE_SERVER} ({@code mysql} or
 * {@code mariadb}); when that is unset the server is asked once, through the MariaDB driver, which
 * speaks the protocol of both.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "flowmatikDatabaseUrl";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty("DATABASE_URL");
        if (url == null || url.isBlank()) {
            return;
        }
        DatabaseUrl parsed;
        try {
            parsed = resolve(url, environment.getProperty("DATABASE_SERVER"));
        } catch (IllegalArgumentException malformed) {
            throw new SettingRefused(
                    "DATABASE_URL",
                    "cannot be read: " + malformed.getMessage(),
                    "Give it as mysql://user:pass@host:3306/flowmatik (DATABASE_SERVER=mysql|mariadb) or as a"
                            + " jdbc:mysql:// or jdbc:mariadb:// URL.");
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", parsed.jdbcUrl());
        if (parsed.username() != null) {
            properties.put("spring.datasource.username", parsed.username());
            properties.put("spring.datasource.password", parsed.password());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, properties));
    }

    /** The JDBC form of a {@code DATABASE_URL}, asking the server what it is when the URL does not say. */
    public static DatabaseUrl resolve(String url, String configuredServer) {
        DatabaseUrl.Server server = DatabaseUrl.isShortForm(url) ? serverKind(url, configuredServer) : null;
        return DatabaseUrl.parse(url, server);
    }

    private static DatabaseUrl.Server serverKind(String url, String configured) {
        if (configured != null && !configured.isBlank()) {
            return DatabaseUrl.Server.valueOf(configured.trim().toUpperCase(Locale.ROOT));
        }
        DatabaseUrl.Server named = DatabaseUrl.namedServer(url);
        return named != null ? named : probe(DatabaseUrl.parse(url, DatabaseUrl.Server.MARIADB));
    }

    /** Asks the server what it is; a server that cannot be reached is taken for MySQL. */
    private static DatabaseUrl.Server probe(DatabaseUrl candidate) {
        Properties info = new Properties();
        if (candidate.username() != null) {
            info.setProperty("user", candidate.username());
            info.setProperty("password", candidate.password());
        }
        info.setProperty("connectTimeout", "3000");
        // Without the database: it may not have been created yet.
        String url = candidate.jdbcUrl().replaceFirst("^(jdbc:mariadb://[^/]+)/[^?]*", "$1/");
        try (Connection connection = DriverManager.getConnection(url, info)) {
            String version = connection.getMetaData().getDatabaseProductVersion();
            return version.toLowerCase(Locale.ROOT).contains("mariadb")
                    ? DatabaseUrl.Server.MARIADB
                    : DatabaseUrl.Server.MYSQL;
        } catch (SQLException unreachable) {
            return DatabaseUrl.Server.MYSQL;
        }
    }

    @Override
    public int getOrder() {
        // before StartupChecks, which connects to the URL made here
        return Ordered.LOWEST_PRECEDENCE - 1;
    }
}
