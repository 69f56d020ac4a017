package com.flowmatik.app.admin;

import com.flowmatik.api.payment.Money;
import com.flowmatik.query.admin.BusinessMetrics;
import com.flowmatik.query.admin.FindBusinessMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/metrics}: this process's HTTP traffic of the last minute, errors by endpoint
 * since start, CPU, heap, threads and connections (from Micrometer, as {@code /actuator/prometheus}
 * shows them), with the AI cost per user and the revenue from the {@code admin-metrics} read model.
 */
@RestController
class AdminMetricsController {

    static final int TOP_USERS = 20;

    private final MeterRegistry registry;
    private final HttpTraffic traffic;
    private final QueryGateway queries;
    private final Clock clock;

    AdminMetricsController(MeterRegistry registry, HttpTraffic traffic, QueryGateway queries, Clock clock) {
        this.registry = registry;
        this.traffic = traffic;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/api/admin/metrics")
    MetricsResponse metrics() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        BusinessMetrics business = queries.query(
                        new FindBusinessMetrics(today, TOP_USERS), ResponseTypes.instanceOf(BusinessMetrics.class))
                .join();
        HttpTraffic.Window window = traffic.lastMinute();
        return new MetricsResponse(
                new Http(
                        window.seconds(),
                        window.requestsPerSecond(),
                        window.meanMs(),
                        window.p95Ms(),
                        errorsByEndpoint()),
                new Jvm(
                        gauge("system.cpu.usage"),
                        gauge("process.cpu.usage"),
                        gaugeSum("jvm.memory.used", "area", "heap"),
                        gaugeSum("jvm.memory.max", "area", "heap"),
                        gaugeSum("jvm.threads.live")),
                new Connections(
                        gaugeSum("hikaricp.connections.active"),
                        gaugeSum("hikaricp.connections.idle"),
                        registry.find(HttpTraffic.REQUESTS + ".active").longTaskTimers().stream()
                                .mapToLong(LongTaskTimer::activeTasks)
                                .sum()),
                business.aiCostPerUser(),
                new Revenue(business.revenueToday(), business.revenueThisMonth(), business.mrr()));
    }

    /** Responses with a 4xx or 5xx status since start, by method, route template and status, most first. */
    private List<EndpointErrors> errorsByEndpoint() {
        Map<String, EndpointErrors> byEndpoint = new TreeMap<>();
        for (Timer timer : registry.find(HttpTraffic.REQUESTS).timers()) {
            String status = timer.getId().getTag("status");
            if (status == null || !(status.startsWith("4") || status.startsWith("5")) || timer.count() == 0) {
                continue;
            }
            String method = timer.getId().getTag("method");
            String uri = timer.getId().getTag("uri");
            byEndpoint.merge(
                    method + " " + uri + " " + status,
                    new EndpointErrors(method, uri, Integer.parseInt(status), timer.count()),
                    (a, b) -> new EndpointErrors(a.method(), a.uri(), a.status(), a.count() + b.count()));
        }
        return byEndpoint.values().stream()
                .sorted(Comparator.comparingLong(EndpointErrors::count).reversed())
                .toList();
    }

    /** A gauge's value, {@code null} when the meter is missing or has no value on this platform. */
    private Double gauge(String name) {
        Gauge gauge = registry.find(name).gauge();
        return gauge == null ? null : finite(gauge.value());
    }

    /** The sum of every gauge of the name and tags (memory pools, connection pools); {@code null} when none. */
    private Long gaugeSum(String name, String... tags) {
        List<Double> values = registry.find(name).tags(tags).gauges().stream()
                .map(Gauge::value)
                .filter(value -> Double.isFinite(value) && value >= 0) // an undefined pool maximum is -1
                .toList();
        return values.isEmpty()
                ? null
                : values.stream().mapToLong(Double::longValue).sum();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) && value >= 0 ? value : null;
    }

    record MetricsResponse(
            Http http,
            Jvm jvm,
            Connections connections,
            List<BusinessMetrics.UserCost> aiCostPerUser,
            Revenue revenue) {}

    /** Traffic of the last {@code windowSeconds}; latencies {@code null} when no request completed in it. */
    record Http(
            double windowSeconds,
            double requestsPerSecond,
            Double meanLatencyMs,
            Double p95LatencyMs,
            List<EndpointErrors> errorsByEndpoint) {}

    record EndpointErrors(String method, String uri, int status, long count) {}

    /** CPU usage as a fraction (0 to 1) of the whole machine and of this process. */
    record Jvm(Double cpuUsage, Double processCpuUsage, Long heapUsedBytes, Long heapMaxBytes, Long threads) {}

    /** Database pool connections in use and idle, and HTTP requests being served now (this one included). */
    record Connections(Long databaseActive, Long databaseIdle, long httpActive) {}

    record Revenue(Money today, Money thisMonth, Money mrr) {}
}
