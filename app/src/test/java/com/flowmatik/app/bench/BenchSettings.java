package com.flowmatik.app.bench;

import java.time.Duration;

/**
 * What one benchmark run does, from system properties: {@code -Dbench.users} (50),
 * {@code -Dbench.requests} (2,000), {@code -Dbench.concurrency} (16), {@code -Dbench.warmup}
 * (200 requests before measuring, so the JIT, the pools and the caches are warm) and
 * {@code -Dbench.max-duration} (PT5M: the run stops there whatever is left).
 */
record BenchSettings(int users, int requests, int concurrency, int warmup, Duration maxDuration) {

    /** The free plan's daily request limit: every user of the run starts on it. */
    static final int FREE_REQUESTS_PER_DAY = 100;

    BenchSettings {
        requirePositive(users, "bench.users");
        requirePositive(requests, "bench.requests");
        requirePositive(concurrency, "bench.concurrency");
        if (warmup < 0) {
            throw new IllegalArgumentException("bench.warmup must not be negative");
        }
        // A request over the daily limit is refused (429) before the provider is called: it would
        // measure the refusal, not a metered chat. Requests go round-robin over the users.
        if (perUser(warmup, users) + perUser(requests, users) > FREE_REQUESTS_PER_DAY) {
            throw new IllegalArgumentException(String.format(
                    "%d warm-up and %d measured requests over %d users exceed the free plan's %d a day"
                            + " per user: raise bench.users",
                    warmup, requests, users, FREE_REQUESTS_PER_DAY));
        }
    }

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                Integer.getInteger("bench.users", 50),
                Integer.getInteger("bench.requests", 2_000),
                Integer.getInteger("bench.concurrency", 16),
                Integer.getInteger("bench.warmup", 200),
                Duration.parse(System.getProperty("bench.max-duration", "PT5M")));
    }

    private static int perUser(int total, int users) {
        return (total + users - 1) / users;
    }

    private static void requirePositive(int value, String property) {
        if (value <= 0) {
            throw new IllegalArgumentException(property + " must be positive");
        }
    }
}
