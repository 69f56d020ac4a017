/**
 * The webhook benchmark: a command, not a test (no class here ends in {@code Test} or {@code IT}, so
 * surefire never runs it). {@link com.flowmatik.app.bench.WebhookBenchmark} starts the platform and
 * sends signed Stripe deliveries under load. Run it with the {@code webhook-benchmark} Maven profile of
 * the app module (see the README). The chat benchmark runs the jar as its own process: {@code bench/bench.py}.
 */
package com.flowmatik.app.bench;
