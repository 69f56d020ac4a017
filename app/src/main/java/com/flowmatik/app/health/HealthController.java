package com.flowmatik.app.health;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: {@code healthy} with 200 while every component Actuator knows is up;
 * {@code unhealthy} with 503 and the failing components otherwise.
 */
@RestController
class HealthController {

    private final HealthEndpoint health;
    private final Clock clock;
    private final String version;
    private final String environment;

    HealthController(
            HealthEndpoint health,
            Clock clock,
            Optional<BuildProperties> build,
            @Value("${flowmatik.environment}") String environment) {
        this.health = health;
        this.clock = clock;
        this.version = build.map(BuildProperties::getVersion).orElse("dev");
        this.environment = environment;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        HealthDescriptor overall = health.health();
        boolean healthy = Status.UP.equals(overall.getStatus());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", healthy ? "healthy" : "unhealthy");
        body.put("timestamp", clock.instant());
        body.put("version", version);
        body.put("environment", environment);
        if (!healthy && overall instanceof CompositeHealthDescriptor composite) {
            Map<String, String> failing = new LinkedHashMap<>();
            composite.getComponents().forEach((name, component) -> {
                if (!Status.UP.equals(component.getStatus())) {
                    failing.put(name, component.getStatus().getCode());
                }
            });
            body.put("failing", failing);
        }
        return ResponseEntity.status(healthy ? 200 : 503).body(body);
    }
}
