package com.flowmatik.app.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.flowmatik.app.storage.DatabaseUrlEnvironmentPostProcessor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * What stops the start, and with which setting named: the checks run on the configuration as the
 * platform reads it (application.yml and the mode's profile), given only the variables each test sets.
 */
class StartupChecksTest {

    static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void developmentStartsEmbeddedWithNoSettingsAtAll() {
        assertThatCode(() -> check(Map.of())).doesNotThrowAnyException();
    }

    @Test
    void theMysqlModeWithoutADatabaseUrlNamesIt() {
        assertThatThrownBy(() -> check(Map.of(), "mysql")).isInstanceOfSatisfying(SettingRefused.class, refused -> {
            assertThat(refused.setting()).isEqualTo("DATABASE_URL");
            assertThat(refused.getMessage())
                    .isEqualTo(
                            "DATABASE_URL is not set: the mysql and axonserver modes keep their data in MySQL or MariaDB");
            assertThat(refused.action()).contains("mysql://user:pass@host:3306/flowmatik");
        });
    }

    @Test
    void aMalformedDatabaseUrlIsNamed() {
        assertThatThrownBy(() -> check(Map.of("DATABASE_URL", "postgres://db/flowmatik"), "mysql"))
                .isInstanceOfSatisfying(SettingRefused.class, refused -> {
                    assertThat(refused.setting()).isEqualTo("DATABASE_URL");
                    assertThat(refused.getMessage()).startsWith("DATABASE_URL cannot be read");
                });
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsNamedWithItsHost() {
        Map<String, Object> variables =
                Map.of("DATABASE_URL", "mysql://flowmatik@127.0.0.1:1/flowmatik", "DATABASE_SERVER", "mariadb");

        assertThatThrownBy(() -> check(variables, "mysql")).isInstanceOfSatisfying(SettingRefused.class, refused -> {
            assertThat(refused.getMessage()).startsWith("DATABASE_URL names 127.0.0.1:1, where no database answers (");
            assertThat(refused.action()).isEqualTo("Start the database, or correct the host and port in DATABASE_URL.");
        });
    }

    @Test
    void aWeakJwtSecretIsRefusedInEveryEnvironment() {
        assertThatThrownBy(() -> check(Map.of("JWT_SECRET", "secret")))
                .isInstanceOfSatisfying(
                        SettingRefused.class,
                        refused -> assertThat(refused.setting()).isEqualTo("JWT_SECRET"));
    }

    @Test
    void productionRefusesTheOfflineModelUnlessItIsChosen() {
        Map<String, Object> production =
                Map.of("FLOWMATIK_ENV", "production", "JWT_SECRET", SECRET, "FLOWMATIK_ALLOW_EMBEDDED_DB", "true");

        assertThatThrownBy(() -> check(production)).isInstanceOfSatisfying(SettingRefused.class, refused -> {
            assertThat(refused.setting()).isEqualTo("SILICONFLOW_API_KEY");
            assertThat(refused.action()).contains("FLOWMATIK_AI_PROVIDER=offline");
        });
        assertThatCode(() -> check(with(production, "FLOWMATIK_AI_PROVIDER", "offline")))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(with(production, "SILICONFLOW_API_KEY", "sk-live")))
                .doesNotThrowAnyException();
    }

    @Test
    void productionRefusesTheEmbeddedDatabaseUnlessItIsAllowed() {
        Map<String, Object> production =
                Map.of("FLOWMATIK_ENV", "production", "JWT_SECRET", SECRET, "SILICONFLOW_API_KEY", "sk-live");

        assertThatThrownBy(() -> check(production)).isInstanceOfSatisfying(SettingRefused.class, refused -> {
            assertThat(refused.setting()).isEqualTo("SPRING_PROFILES_ACTIVE");
            assertThat(refused.action()).contains("FLOWMATIK_ALLOW_EMBEDDED_DB=true");
        });
        assertThatCode(() -> check(with(production, "FLOWMATIK_ALLOW_EMBEDDED_DB", "true")))
                .doesNotThrowAnyException();
    }

    @Test
    void productionWithoutAJwtSecretIsRefused() {
        Map<String, Object> production = Map.of(
                "FLOWMATIK_ENV", "production", "SILICONFLOW_API_KEY", "sk-live", "FLOWMATIK_ALLOW_EMBEDDED_DB", "true");

        assertThatThrownBy(() -> check(production))
                .isInstanceOfSatisfying(
                        SettingRefused.class,
                        refused -> assertThat(refused.setting()).isEqualTo("JWT_SECRET"));
    }

    @Test
    void anAiProviderOtherThanOfflineIsRefused() {
        assertThatThrownBy(() -> check(Map.of("FLOWMATIK_AI_PROVIDER", "openai")))
                .isInstanceOfSatisfying(
                        SettingRefused.class,
                        refused -> assertThat(refused.setting()).isEqualTo("FLOWMATIK_AI_PROVIDER"));
    }

    private static Map<String, Object> with(Map<String, Object> variables, String name, String value) {
        Map<String, Object> more = new HashMap<>(variables);
        more.put(name, value);
        return more;
    }

    /** The platform's configuration with only these variables, through the post-processors in their order. */
    static StandardEnvironment check(Map<String, Object> variables, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        // only what the test says: CI runs this suite with SPRING_PROFILES_ACTIVE and DATABASE_URL set
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test-variables", variables));
        ConfigDataEnvironmentPostProcessor.applyTo(
                environment, new DefaultResourceLoader(), new DefaultBootstrapContext(), profiles);
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        new EnvironmentDefaults().postProcessEnvironment(environment, null);
        StartupChecks.check(environment);
        return environment;
    }
}
