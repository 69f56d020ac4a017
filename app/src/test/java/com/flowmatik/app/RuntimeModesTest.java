package com.flowmatik.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The three runtime modes as configuration: which profiles end up active and what they set. Axon
 * Server itself cannot run here, so the axonserver mode is checked this far and no further.
 */
class RuntimeModesTest {

    @Test
    void withoutAProfileThePlatformRunsEmbeddedOnAnH2FileUnderTheDataDir() {
        StandardEnvironment environment = environment(Map.of("FLOWMATIK_DATA_DIR", "/var/lib/flowmatik"));

        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getDefaultProfiles()).containsExactly("embedded");
        assertThat(environment.getProperty("spring.datasource.url"))
                .startsWith("jdbc:h2:file:/var/lib/flowmatik/flowmatik;MODE=MySQL");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.autoconfigure.exclude[0]")).contains("DataRedisAutoConfiguration");
        assertThat(environment.getProperty("axon.serializer.events")).isEqualTo("jackson3");
    }

    @Test
    void theMysqlProfileTakesDatabaseAndRedisFromTheEnvironment() {
        StandardEnvironment environment = environment(
                Map.of("DATABASE_URL", "jdbc:mysql://db:3306/flowmatik", "REDIS_URL", "redis://cache:6379"), "mysql");

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:mysql://db:3306/flowmatik");
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://cache:6379");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.autoconfigure.exclude[0]")).isNull();
    }

    @Test
    void theAxonserverProfileEnablesTheConnectorAndBringsTheMysqlReadModels() {
        StandardEnvironment environment = environment(
                Map.of(
                        "AXONSERVER_SERVERS", "axonserver:8124",
                        "DATABASE_URL", "jdbc:mysql://mysql:3306/flowmatik",
                        "FLOWMATIK_SIDES", "query"),
                "axonserver");

        assertThat(List.of(environment.getActiveProfiles())).contains("axonserver", "mysql");
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("axon.axonserver.servers")).isEqualTo("axonserver:8124");
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:mysql://mysql:3306/flowmatik");
        assertThat(environment.getProperty("flowmatik.sides")).isEqualTo("query");
    }

    @Test
    void theAxonServerConnectorIsOnTheClasspath() throws Exception {
        assertThat(Class.forName("org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration"))
                .isNotNull();
    }

    private static StandardEnvironment environment(Map<String, Object> variables, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        // Only what the test says: CI runs this suite with SPRING_PROFILES_ACTIVE=mysql in its environment.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test-variables", variables));
        ConfigDataEnvironmentPostProcessor.applyTo(
                environment, new DefaultResourceLoader(), new DefaultBootstrapContext(), profiles);
        return environment;
    }
}
