package com.flowmatik.app.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The HTTP traffic of the last minute, from Spring's {@code http.server.requests} timers. Micrometer
 * keeps totals since start; every {@link #EVERY} this samples them, and the traffic of the window is
 * the difference between now and the oldest sample at most {@link #WINDOW} old: requests per second,
 * mean latency, and the 95th percentile from the timers' histogram buckets (enabled by
 * {@code management.metrics.distribution.percentiles-histogram.http.server.requests}), reported as
 * the upper bound of the bucket it falls in. Right after start the window is shorter, as it says.
 */
@Component
class HttpTraffic implements SmartLifecycle {

    static final String REQUESTS = "http.server.requests";
    static final Duration WINDOW = Duration.ofMinutes(1);
    static final Duration EVERY = Duration.ofSeconds(5);

    private final MeterRegistry registry;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private ScheduledExecutorService sampler;

    HttpTraffic(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The traffic between the oldest sample of the window and now. */
    Window lastMinute() {
        Sample now = sample();
        Sample then;
        synchronized (samples) {
            then = samples.isEmpty() ? now : samples.peekFirst();
        }
        double seconds = (now.nanos - then.nanos) / 1e9;
        long requests = now.count - then.count;
        if (requests <= 0 || seconds <= 0) {
            return new Window(seconds, 0, null, null);
        }
        double meanMs = (now.totalMs - then.totalMs) / requests;
        return new Window(seconds, requests / seconds, meanMs, percentile(0.95, now.buckets, then.buckets, requests));
    }

    private static Double percentile(
            double quantile, TreeMap<Double, Long> now, TreeMap<Double, Long> then, long requests) {
        double rank = Math.ceil(quantile * requests);
        for (Map.Entry<Double, Long> bucket : now.entrySet()) {
            long atOrBelow = bucket.getValue() - then.getOrDefault(bucket.getKey(), 0L);
            if (atOrBelow >= rank) {
                return bucket.getKey();
            }
        }
        return null; // above the largest bucket, or no histogram configured
    }

    private Sample sample() {
        long count = 0;
        double totalMs = 0;
        TreeMap<Double, Long> buckets = new TreeMap<>();
        for (Timer timer : registry.find(REQUESTS).timers()) {
            count += timer.count();
            totalMs += timer.totalTime(TimeUnit.MILLISECONDS);
            // Prometheus histograms are cumulative: each bucket counts every request at or below its bound
            for (CountAtBucket bucket : timer.takeSnapshot().histogramCounts()) {
                buckets.merge(bucket.bucket(TimeUnit.MILLISECONDS), (long) bucket.count(), Long::sum);
            }
        }
        return new Sample(registry.config().clock().monotonicTime(), count, totalMs, buckets);
    }

    private void record() {
        Sample taken = sample();
        synchronized (samples) {
            samples.addLast(taken);
            while (samples.size() > 1 && taken.nanos - samples.peekFirst().nanos > WINDOW.toNanos()) {
                samples.removeFirst();
            }
        }
    }

    @Override
    public synchronized void start() {
        sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "http-traffic-sampler");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::record, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (sampler != null) {
            sampler.shutdownNow();
            sampler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return sampler != null;
    }

    /**
     * HTTP traffic over {@code seconds}; latencies are {@code null} when no request completed in it.
     *
     * @param p95Ms the upper bound of the histogram bucket the 95th percentile falls in
     */
    record Window(double seconds, double requestsPerSecond, Double meanMs, Double p95Ms) {}

    private record Sample(long nanos, long count, double totalMs, TreeMap<Double, Long> buckets) {}
}
