package com.flowmatik.app.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.FlowmatikApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator's commands as an operator runs them, {@code java … flowmatik.jar COMMAND}, each in a
 * process of its own on a fresh embedded database, and what they leave: events in the event store,
 * like everything the API does. Not an {@code IntegrationTest}: the demo's month of history must not
 * land in the database the other tests share.
 */
// embedded by design, whatever the pass: the mysql pass would run the very same thing a second time
@DisabledIfEnvironmentVariable(named = "SPRING_PROFILES_ACTIVE", matches = ".*mysql.*")
class OperatorCommandLineIT {

    @TempDir
    Path home;

    @Test
    void createAdminResetPasswordDemoDataAndReplayWriteAndRebuildFromEvents() throws Exception {
        Result admin = operator("create-admin", "--email=Ops@Example.test", "--password=first-password", "--name=Ops");
        assertThat(admin.exit()).as(admin.output()).isZero();
        assertThat(admin.output()).contains("Created the admin ops@example.test");
        assertThat(count("com.flowmatik.api.identity.UserRegistered")).isEqualTo(1);
        assertThat(
                        single(
                                "SELECT payload FROM domain_event_entry WHERE payload_type = 'com.flowmatik.api.identity.UserRegistered'"))
                .contains("\"role\":\"ADMIN\"")
                .doesNotContain("first-password");

        Result reset = operator("reset-password", "--email=ops@example.test", "--password=second-password");
        assertThat(reset.exit()).as(reset.output()).isZero();
        assertThat(count("com.flowmatik.api.identity.PasswordChanged")).isEqualTo(1);

        Result demo = operator("demo-data");
        assertThat(demo.exit()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Loaded 8 demo users");
        assertThat(count("com.flowmatik.api.identity.UserRegistered")).isEqualTo(9);
        assertThat(count("com.flowmatik.api.payment.SubscriptionStarted")).isEqualTo(5);
        assertThat(count("com.flowmatik.api.payment.PaymentSucceeded")).isEqualTo(5);
        assertThat(count("com.flowmatik.api.payment.PaymentFailed")).isEqualTo(2);
        assertThat(count("com.flowmatik.api.usage.DailyQuotaExceeded")).isPositive();
        assertThat(count("com.flowmatik.api.usage.TokensCharged")).isGreaterThan(200);
        assertThat(count("com.flowmatik.api.conversation.ConversationStarted")).isGreaterThan(50);
        assertThat(single("SELECT MIN(time_stamp) FROM domain_event_entry")).isNotBlank();

        // the demo's month, rebuilt by the replay command from its events: the usage a new install's dashboard shows
        execute("DELETE FROM daily_usage");
        Result replay = operator("replay", "usage");
        assertThat(replay.exit()).as(replay.output()).isZero();
        assertThat(replay.output()).containsPattern("Replayed usage to position \\d+");
        long served =
                count("com.flowmatik.api.usage.AiRequestStarted") - count("com.flowmatik.api.usage.AiRequestNotServed");
        assertThat(served).isPositive();
        assertThat(Long.parseLong(single("SELECT SUM(requests) FROM daily_usage")))
                .isEqualTo(served);
        assertThat(Long.parseLong(single("SELECT COUNT(DISTINCT usage_date) FROM daily_usage")))
                .isGreaterThan(20);
        assertThat(Long.parseLong(single("SELECT SUM(cost_micros) FROM daily_usage")))
                .isPositive();

        Result unknown = operator("replay", "no-such-projection");
        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).contains("the projections:").contains("usage");
    }

    record Result(int exit, String output) {}

    private Result operator(String... command) throws Exception {
        Path log = Files.createTempFile(home, "operator-", ".log");
        List<String> line = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                FlowmatikApplication.class.getName()));
        line.addAll(List.of(command));
        ProcessBuilder builder =
                new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        List.of(
                        "SPRING_PROFILES_ACTIVE",
                        "DATABASE_URL",
                        "REDIS_URL",
                        "SILICONFLOW_API_KEY",
                        "JWT_SECRET",
                        "FLOWMATIK_ADMIN_EMAIL",
                        "FLOWMATIK_ADMIN_PASSWORD")
                .forEach(environment::remove);
        environment.put("FLOWMATIK_DATA_DIR", home.resolve("data").toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the operator command did not end:\n" + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private long count(String payloadType) throws Exception {
        return Long.parseLong(
                single("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = '" + payloadType + "'"));
    }

    private void execute(String sql) throws Exception {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private Connection connect() throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("data/flowmatik") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE";
        return DriverManager.getConnection(url, "sa", "");
    }

    private String single(String sql) throws Exception {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            Object value = rows.getObject(1);
            if (value instanceof java.sql.Blob blob) {
                return new String(blob.getBytes(1, (int) blob.length()), java.nio.charset.StandardCharsets.UTF_8);
            }
            return String.valueOf(value);
        }
    }
}
