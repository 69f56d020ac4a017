package com.flowmatik.app.health;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health}: {@code healthy} with 200 while every component Actuator knows is up;
 * {@code degraded} with 200 when only Redis is not (a cache: everything still serves, and the
 * component is named under {@code degraded}); {@code unhealthy} with 503 and the failing components
 * otherwise. The components are asked at once, each given {@code flowmatik.health.timeout}
 * (2 s unless set): one that has not answered by then, such as a database waiting on a lock, is
 * named under {@code slow} and counts as failing, so the answer never hangs with it.
 */
@RestController
class HealthController implements DisposableBean {

    /** Caches and channels between instances: the platform serves correctly without them. */
    static final Set<String> OPTIONAL = Set.of("redis");

    static final String SLOW = "SLOW";

    private final ContributedHealth contributed;
    private final Clock clock;
    private final String version;
    private final String environment;
    private final Duration timeout;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });

    HealthController(
            ContributedHealth contributed,
            Clock clock,
            Optional<BuildProperties> build,
            @Value("${flowmatik.environment}") String environment,
            @Value("${flowmatik.health.timeout:2s}") Duration timeout) {
        this.contributed = contributed;
        this.clock = clock;
        this.version = build.map(BuildProperties::getVersion).orElse("dev");
        this.environment = environment;
        this.timeout = timeout;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Map<String, CompletableFuture<Status>> asked = new LinkedHashMap<>();
        for (String name : contributed.names()) {
            asked.put(
                    name,
                    CompletableFuture.supplyAsync(
                            () -> contributed.of(name).map(Health::getStatus).orElse(Status.UNKNOWN), checks));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> failing = new LinkedHashMap<>();
        Map<String, String> degraded = new LinkedHashMap<>();
        Map<String, String> slow = new LinkedHashMap<>();
        asked.forEach((name, answer) -> {
            String status = statusOf(answer, deadline);
            if (status == null) {
                slow.put(name, "no answer within " + timeout.toMillis() + " ms");
                status = SLOW;
            }
            if (!Status.UP.getCode().equals(status) && !Status.UNKNOWN.getCode().equals(status)) {
                (OPTIONAL.contains(name) ? degraded : failing).put(name, status);
            }
        });
        boolean healthy = failing.isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !healthy ? "unhealthy" : degraded.isEmpty() ? "healthy" : "degraded");
        body.put("timestamp", clock.instant());
        body.put("version", version);
        body.put("environment", environment);
        if (!failing.isEmpty()) {
            body.put("failing", failing);
        }
        if (!degraded.isEmpty()) {
            body.put("degraded", degraded);
        }
        if (!slow.isEmpty()) {
            body.put("slow", slow);
        }
        return ResponseEntity.status(healthy ? 200 : 503).body(body);
    }

    /** The component's status, or null when it has not answered by the deadline. */
    private static String statusOf(CompletableFuture<Status> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
                    .getCode();
        } catch (TimeoutException stillAsking) {
            return null;
        } catch (ExecutionException failed) {
            return Status.DOWN.getCode();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Status.UNKNOWN.getCode();
        }
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
