package com.flowmatik.app.startup;

import com.flowmatik.app.security.JwtTokens;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The settings checked before anything starts, so that a wrong one stops the start in one line
 * that names it: the database ({@code DATABASE_URL} present in the mysql mode and answering), the
 * token key ({@code JWT_SECRET}), and what production must not do by default — answer from the
 * offline model ({@code FLOWMATIK_AI_PROVIDER=offline} chooses it) or keep its data in the embedded
 * H2 file ({@code FLOWMATIK_ALLOW_EMBEDDED_DB=true} allows it).
 */
public class StartupChecks implements EnvironmentPostProcessor, Ordered {

    static final String OFFLINE = "offline";
    private static final Pattern HOST = Pattern.compile("^jdbc:[a-z0-9]+://([^/?;]+)");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        check(environment);
    }

    static void check(ConfigurableEnvironment environment) {
        boolean production = "production".equalsIgnoreCase(environment.getProperty("flowmatik.environment"));
        String databaseUrl = databaseUrl(environment);
        boolean embedded = databaseUrl.startsWith("jdbc:h2:");
        JwtTokens.checkSecret(environment.getProperty("flowmatik.jwt.secret"), production);
        String provider =
                environment.getProperty("FLOWMATIK_AI_PROVIDER", "").trim().toLowerCase(Locale.ROOT);
        if (!provider.isEmpty() && !provider.equals(OFFLINE)) {
            throw new SettingRefused(
                    "FLOWMATIK_AI_PROVIDER",
                    "is '" + provider + "': the only value it takes is offline",
                    "Unset FLOWMATIK_AI_PROVIDER (SILICONFLOW_API_KEY then chooses the provider) or set it to offline.");
        }
        if (production) {
            refuseUnchosenOfflineModel(environment, provider);
            refuseUnallowedEmbeddedDatabase(environment, embedded);
        }
        if (!embedded) {
            requireAnswering(
                    databaseUrl,
                    environment.getProperty("spring.datasource.username"),
                    environment.getProperty("spring.datasource.password"));
        }
    }

    private static String databaseUrl(ConfigurableEnvironment environment) {
        String url;
        try {
            url = environment.getProperty("spring.datasource.url");
        } catch (IllegalArgumentException unresolved) {
            url = null;
        }
        if (url == null || url.isBlank()) {
            throw new SettingRefused(
                    "DATABASE_URL",
                    "is not set: the mysql and axonserver modes keep their data in MySQL or MariaDB",
                    "Set DATABASE_URL=mysql://user:pass@host:3306/flowmatik, or start without SPRING_PROFILES_ACTIVE"
                            + " for the embedded database.");
        }
        return url.trim();
    }

    private static void refuseUnchosenOfflineModel(ConfigurableEnvironment environment, String provider) {
        String apiKey = environment.getProperty("flowmatik.ai.api-key", "");
        if (apiKey.isBlank() && !provider.equals(OFFLINE)) {
            throw new SettingRefused(
                    "SILICONFLOW_API_KEY",
                    "is not set: production would answer every chat from the offline model",
                    "Set SILICONFLOW_API_KEY (and SILICONFLOW_BASE_URL for another OpenAI-compatible API), or"
                            + " FLOWMATIK_AI_PROVIDER=offline to serve the offline model on purpose.");
        }
    }

    private static void refuseUnallowedEmbeddedDatabase(ConfigurableEnvironment environment, boolean embedded) {
        if (embedded
                && !Boolean.parseBoolean(environment
                        .getProperty("FLOWMATIK_ALLOW_EMBEDDED_DB", "false")
                        .trim())) {
            throw new SettingRefused(
                    "SPRING_PROFILES_ACTIVE",
                    "names no database mode: production would keep its data in the embedded H2 file",
                    "Set SPRING_PROFILES_ACTIVE=mysql with DATABASE_URL and REDIS_URL, or"
                            + " FLOWMATIK_ALLOW_EMBEDDED_DB=true to keep the embedded database on purpose.");
        }
    }

    /** Connects once: an unreachable database or refused credentials are named now, not five causes deep. */
    private static void requireAnswering(String url, String username, String password) {
        Properties credentials = new Properties();
        if (username != null) {
            credentials.setProperty("user", username);
            credentials.setProperty("password", password == null ? "" : password);
        }
        DriverManager.setLoginTimeout(5);
        try (Connection ignored = DriverManager.getConnection(url, credentials)) {
            // it answers
        } catch (SQLException failure) {
            throw refusal(url, username, failure);
        }
    }

    static SettingRefused refusal(String url, String username, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String reason = innermostMessage(failure);
        if (state.startsWith("08") || failure.getMessage() == null) {
            return new SettingRefused(
                    "DATABASE_URL",
                    "names " + host(url) + ", where no database answers (" + reason + ")",
                    "Start the database, or correct the host and port in DATABASE_URL.");
        }
        if (state.startsWith("28")) {
            return new SettingRefused(
                    "DATABASE_URL",
                    "names user '" + username + "', whom the database at " + host(url) + " refuses (" + reason + ")",
                    "Correct the user and password in DATABASE_URL (or SPRING_DATASOURCE_USERNAME and"
                            + " SPRING_DATASOURCE_PASSWORD for a jdbc: URL).");
        }
        return new SettingRefused(
                "DATABASE_URL",
                "names a database that " + host(url) + " refuses (" + reason + ")",
                "Create the database it names (CREATE DATABASE flowmatik), or correct DATABASE_URL.");
    }

    private static String host(String url) {
        Matcher matcher = HOST.matcher(url);
        return matcher.find() ? matcher.group(1) : "its host";
    }

    private static String innermostMessage(Throwable failure) {
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        String message = innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
