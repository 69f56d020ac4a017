package com.flowmatik.app.startup;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults that depend on where the platform runs, added below every other source so that an
 * explicit setting always wins. Logs are lines a person reads in development and JSON documents
 * (ECS) in production or with {@code LOG_FORMAT=json}; Swagger UI is off in production unless
 * {@code FLOWMATIK_SWAGGER_UI=true}.
 */
public class EnvironmentDefaults implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "flowmatikEnvironmentDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean production = "production".equalsIgnoreCase(environment.getProperty("flowmatik.environment"));
        Map<String, Object> defaults = new HashMap<>();
        String format = logFormat(environment.getProperty("LOG_FORMAT", ""), production);
        if (format != null) {
            defaults.put("logging.structured.format.console", format);
        }
        defaults.put(
                "springdoc.swagger-ui.enabled",
                environment
                        .getProperty("FLOWMATIK_SWAGGER_UI", String.valueOf(!production))
                        .trim());
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }

    /**
     * The structured format of console logs, or null for plain lines: {@code json} means ECS,
     * {@code plain} or {@code text} mean lines, {@code ecs}, {@code logstash} and {@code gelf} are
     * Spring Boot's own; unset, production gets ECS and everything else lines.
     */
    static String logFormat(String configured, boolean production) {
        String format = configured == null ? "" : configured.trim().toLowerCase(Locale.ROOT);
        return switch (format) {
            case "" -> production ? "ecs" : null;
            case "json" -> "ecs";
            case "plain", "text" -> null;
            default -> format;
        };
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
