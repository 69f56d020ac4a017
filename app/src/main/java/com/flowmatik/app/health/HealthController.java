package com.flowmatik.app.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
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
 *
 * <p>The components are asked every {@code flowmatik.health.interval} (1 s unless set) by a thread
 * of this class, from when the process is ready until it starts closing, not once per request: a
 * request is answered from the last check ({@code checkedAt} says when it began) while the next one
 * is not overdue, and asks the components itself when it is (before the first check, while closing,
 * or with the checking thread stuck). Measured with 1,000 chats in flight on two saturated cores
 * (README, Benchmarks): each request asking the components waited 127-265 ms at p99 for round trips
 * to MariaDB and Redis; answered from the last check, the request costs what any answer of the web
 * edge does. Probes from many load balancers also no longer multiply into queries. A component
 * changing its status is logged once, when it changes.
 */
@RestController
class HealthController implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HealthController.class);

    /** Caches and channels between instances: the platform serves correctly without them. */
    static final Set<String> OPTIONAL = Set.of("redis");

    static final String SLOW = "SLOW";

    private final ContributedHealth contributed;
    private final Clock clock;
    private final String version;
    private final String environment;
    private final Duration timeout;
    private final Duration interval;
    private final ExecutorService checks = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "health-check");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledExecutorService monitor;
    private volatile Checked latest;
    /** The monitor's last check, kept across availability changes: what a change is logged against. */
    private Checked reported;
    /** Counts the process's availability changes: a check begun before one is not kept. */
    private long round;

    HealthController(
            ContributedHealth contributed,
            Clock clock,
            Optional<BuildProperties> build,
            @Value("${flowmatik.environment}") String environment,
            @Value("${flowmatik.health.timeout:2s}") Duration timeout,
            @Value("${flowmatik.health.interval:1s}") Duration interval) {
        this.contributed = contributed;
        this.clock = clock;
        this.version = build.map(BuildProperties::getVersion).orElse("dev");
        this.environment = environment;
        this.timeout = timeout;
        this.interval = interval;
    }

    @GetMapping("/health")
    ResponseEntity<Map<String, Object>> health() {
        Checked checked = latest;
        if (checked == null || checked.overdue(interval.plus(timeout))) {
            checked = check();
        }
        boolean healthy = checked.failing().isEmpty();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", !healthy ? "unhealthy" : checked.degraded().isEmpty() ? "healthy" : "degraded");
        body.put("timestamp", clock.instant());
        body.put("version", version);
        body.put("environment", environment);
        body.put("checkedAt", checked.at());
        if (!checked.failing().isEmpty()) {
            body.put("failing", checked.failing());
        }
        if (!checked.degraded().isEmpty()) {
            body.put("degraded", checked.degraded());
        }
        if (!checked.slow().isEmpty()) {
            body.put("slow", checked.slow());
        }
        return ResponseEntity.status(healthy ? 200 : 503).body(body);
    }

    /** Asks every component at once and waits for each at most {@link #timeout} from the start. */
    private Checked check() {
        Instant at = clock.instant();
        Map<String, CompletableFuture<Health>> asked = new LinkedHashMap<>();
        for (String name : contributed.names()) {
            asked.put(
                    name,
                    CompletableFuture.supplyAsync(
                            () -> contributed.of(name).orElse(Health.unknown().build()), checks));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> failing = new LinkedHashMap<>();
        Map<String, String> degraded = new LinkedHashMap<>();
        Map<String, String> slow = new LinkedHashMap<>();
        Map<String, Object> errors = new LinkedHashMap<>();
        asked.forEach((name, answer) -> {
            Health health = healthOf(answer, deadline);
            String status = health == null ? SLOW : health.getStatus().getCode();
            if (health == null) {
                slow.put(name, "no answer within " + timeout.toMillis() + " ms");
            } else if (health.getDetails().containsKey("error")) {
                errors.put(name, health.getDetails().get("error"));
            }
            if (!Status.UP.getCode().equals(status) && !Status.UNKNOWN.getCode().equals(status)) {
                (OPTIONAL.contains(name) ? degraded : failing).put(name, status);
            }
        });
        return new Checked(at, System.nanoTime(), failing, degraded, slow, errors);
    }

    /** The component's health, or null when it has not answered by the deadline. */
    private static Health healthOf(CompletableFuture<Health> answer, long deadline) {
        try {
            return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillAsking) {
            return null;
        } catch (ExecutionException failed) {
            return Health.down(failed.getCause() instanceof Exception e ? e : failed)
                    .build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    /**
     * A change of the process's liveness or readiness (ready at start, refusing traffic at shutdown)
     * makes the last check stale at once, and readiness starts the monitor: checked before it, the
     * process would be reported not ready for up to a round after it is.
     */
    @EventListener
    void availabilityChanged(AvailabilityChangeEvent<?> change) {
        synchronized (this) {
            round++;
            latest = null;
        }
        if (change.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
            startMonitor();
        } else if (change.getState() == ReadinessState.REFUSING_TRAFFIC) {
            stopMonitor(); // closing: requests until then ask the components themselves
        }
    }

    private synchronized void startMonitor() {
        if (monitor == null) {
            monitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "health-monitor");
                thread.setDaemon(true);
                return thread;
            });
            monitor.scheduleWithFixedDelay(this::checkInTurn, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void stopMonitor() {
        if (monitor != null) {
            monitor.shutdownNow();
            monitor = null;
        }
    }

    /** One round of the monitor: the new check replaces the last, and what changed is logged. */
    private void checkInTurn() {
        try {
            long asked;
            synchronized (this) {
                asked = round;
            }
            Checked checked = check();
            Checked before;
            synchronized (this) {
                if (round != asked) {
                    return; // the process's availability changed meanwhile: the next round asks again
                }
                before = reported;
                latest = checked;
                reported = checked;
            }
            logChanges(before, checked);
        } catch (RuntimeException unexpected) {
            // the next round tries again; meanwhile requests find the last check overdue and ask themselves
            log.warn("Health check round failed", unexpected);
        }
    }

    private static void logChanges(Checked before, Checked now) {
        Map<String, String> was = before == null ? Map.of() : before.notUp();
        Map<String, String> is = now.notUp();
        is.forEach((name, status) -> {
            if (!status.equals(was.get(name))) {
                Object error = now.errors().get(name);
                log.warn("Health: {} is {}{}", name, status, error == null ? "" : " (" + error + ")");
            }
        });
        was.keySet().stream()
                .filter(name -> !is.containsKey(name))
                .forEach(name -> log.info("Health: {} is UP again", name));
    }

    @Override
    public void destroy() {
        stopMonitor();
        checks.shutdownNow();
    }

    /**
     * What one check found: when it began and ended, the components not up by kind, and the error a
     * failing component reported (its indicator's own trace is not logged at every round).
     */
    private record Checked(
            Instant at,
            long endedNanos,
            Map<String, String> failing,
            Map<String, String> degraded,
            Map<String, String> slow,
            Map<String, Object> errors) {

        /** True when the monitor should have finished another check by now. */
        boolean overdue(Duration within) {
            return System.nanoTime() - endedNanos > within.toNanos();
        }

        Map<String, String> notUp() {
            Map<String, String> notUp = new LinkedHashMap<>(failing);
            notUp.putAll(degraded);
            return notUp;
        }
    }
}
