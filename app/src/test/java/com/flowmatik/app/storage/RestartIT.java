package com.flowmatik.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.FlowmatikApplication;
import com.flowmatik.app.support.Api;
import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.app.support.TestSecrets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything written before a restart is there after it: accounts, events, the read model and the
 * projections' positions (nothing is replayed), and the admin is not created twice. Runs the app
 * itself, twice, on a database of its own.
 */
class RestartIT {

    private static final Pattern GLOBAL_INDEX = Pattern.compile("\"globalIndex\"\\s*:\\s*(\\d+)");

    @Test
    void stateWrittenBeforeARestartIsAllThereAfterIt() throws Exception {
        String[] args = arguments();

        String email = "restart@example.test";
        String userId;
        long eventsBefore;
        List<Map<String, Object>> usersBefore;
        Map<String, Long> tokensBefore;
        try (ConfigurableApplicationContext first = start(args)) {
            Api api = api(first);
            String token = api.register(email, "restart-password", "Restart");
            userId = api.get("/api/auth/me", token).json().path("id").asString();
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
            usersBefore = jdbc.queryForList("SELECT * FROM users ORDER BY id");
            tokensBefore = positions(jdbc);
        }

        try (ConfigurableApplicationContext second = start(args)) {
            Api api = api(second);
            Response login = api.post("/api/auth/login", Map.of("email", email, "password", "restart-password"), null);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("user").path("id").asString()).isEqualTo(userId);
            Response admin = api.post(
                    "/api/auth/login",
                    Map.of("email", TestSecrets.ADMIN_EMAIL, "password", TestSecrets.ADMIN_PASSWORD),
                    null);
            assertThat(admin.status()).isEqualTo(200);

            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .isEqualTo(eventsBefore);
            assertThat(jdbc.queryForList("SELECT * FROM users ORDER BY id")).isEqualTo(usersBefore);
            Map<String, Long> tokensAfter = positions(jdbc);
            assertThat(tokensAfter.keySet()).isEqualTo(tokensBefore.keySet());
            tokensBefore.forEach((segment, position) ->
                    assertThat(tokensAfter.get(segment)).as(segment).isGreaterThanOrEqualTo(position));
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM registered_email WHERE email = ?",
                            Long.class,
                            TestSecrets.ADMIN_EMAIL))
                    .isEqualTo(1);
            if (TestMode.current() == TestMode.MYSQL) {
                String database = jdbc.queryForObject("SELECT DATABASE()", String.class);
                jdbc.execute("DROP DATABASE " + database);
            }
        }
    }

    /** The position of every tracking token, by processor and segment; a replay token counts as -1. */
    private static Map<String, Long> positions(JdbcTemplate jdbc) {
        Map<String, Long> positions = new TreeMap<>();
        for (Map<String, Object> row :
                jdbc.queryForList("SELECT processor_name, segment, token_type, token FROM token_entry")) {
            String key = row.get("processor_name") + "/" + row.get("segment");
            String type = String.valueOf(row.get("token_type"));
            Object token = row.get("token");
            Matcher index =
                    token == null ? null : GLOBAL_INDEX.matcher(new String((byte[]) token, StandardCharsets.UTF_8));
            long position = type.contains("ReplayToken") || index == null || !index.find()
                    ? -1
                    : Long.parseLong(index.group(1));
            positions.put(key, position);
        }
        return positions;
    }

    private static ConfigurableApplicationContext start(String[] args) {
        return new SpringApplicationBuilder(FlowmatikApplication.class).run(args);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static String[] arguments() throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--flowmatik.jwt.secret=" + TestSecrets.JWT,
                "--flowmatik.admin.email=" + TestSecrets.ADMIN_EMAIL,
                "--flowmatik.admin.password=" + TestSecrets.ADMIN_PASSWORD,
                "--LOG_FORMAT=",
                "--logging.level.root=WARN"));
        if (TestMode.current() == TestMode.MYSQL) {
            args.add("--DATABASE_URL=" + ownDatabase(System.getenv("DATABASE_URL")));
        } else {
            args.add("--FLOWMATIK_DATA_DIR=" + Files.createTempDirectory("flowmatik-restart-"));
        }
        return args.toArray(String[]::new);
    }

    /** The suite's DATABASE_URL with a database of this run's own, created on first connect. */
    static String ownDatabase(String databaseUrl) {
        String name = "flowmatik_restart_" + System.currentTimeMillis();
        String replaced = databaseUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + name);
        return replaced + (replaced.contains("?") ? "&" : "?") + "createDatabaseIfNotExist=true";
    }
}
