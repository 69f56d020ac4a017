package com.flowmatik.app.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;

/** Lines in development, JSON in production or when asked for; Swagger UI off in production. */
class EnvironmentDefaultsTest {

    static final String SECRET = StartupChecksTest.SECRET;

    @Test
    void developmentLogsLinesAPersonReadsAndServesSwaggerUi() {
        StandardEnvironment development = StartupChecksTest.check(Map.of());

        assertThat(development.getProperty("logging.structured.format.console")).isNull();
        assertThat(development.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("true");
    }

    @Test
    void logFormatJsonGivesEcsDocumentsAnywhere() {
        StandardEnvironment development = StartupChecksTest.check(Map.of("LOG_FORMAT", "json"));

        assertThat(development.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(EnvironmentDefaults.logFormat("logstash", false)).isEqualTo("logstash");
        assertThat(EnvironmentDefaults.logFormat("plain", true)).isNull();
    }

    @Test
    void productionLogsJsonAndHidesSwaggerUiUnlessAskedFor() {
        Map<String, Object> production = Map.of(
                "FLOWMATIK_ENV",
                "production",
                "JWT_SECRET",
                SECRET,
                "SILICONFLOW_API_KEY",
                "sk-live",
                "FLOWMATIK_ALLOW_EMBEDDED_DB",
                "true");

        StandardEnvironment environment = StartupChecksTest.check(production);

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
        Map<String, Object> withUi = new java.util.HashMap<>(production);
        withUi.put("FLOWMATIK_SWAGGER_UI", "true");
        assertThat(StartupChecksTest.check(withUi).getProperty("springdoc.swagger-ui.enabled"))
                .isEqualTo("true");
    }
}
