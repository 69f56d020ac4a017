package com.flowmatik.app.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The one block a run prints: what ran, how fast, how many went wrong, and the projection's lag. */
record BenchReport(
        String mode,
        BenchSettings settings,
        LoadResult measured,
        int providerCalls,
        Optional<Duration> catchUp) {

    /** A run with wrong answers, requests not sent or a usage read model that never caught up. */
    boolean failed() {
        return measured.errorCount() > 0 || measured.notSent() > 0 || catchUp.isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println("Flowmatik chat benchmark (POST /api/ai/chat against the OpenAI stand-in)");
        out.printf("  mode           %s%n", mode);
        out.printf("  users          %d%n", settings.users());
        out.printf("  requests       %d measured (%d sent, %d not sent before the deadline), after %d warm-up%n",
                settings.requests(), measured.answered(), measured.notSent(), settings.warmup());
        out.printf("  concurrency    %d%n", settings.concurrency());
        out.printf("  wall time      %.2f s%n", measured.seconds());
        out.printf("  requests/s     %.1f (correct metered answers per second)%n", measured.throughput());
        out.printf("  latency ms     p50 %.1f   p90 %.1f   p99 %.1f   max %.1f%n",
                measured.percentileMillis(0.50), measured.percentileMillis(0.90),
                measured.percentileMillis(0.99), measured.percentileMillis(1.0));
        out.printf("  errors         %d%s%n", measured.errorCount(), breakdown(measured.errors()));
        out.printf("  provider calls %d during the measured run%n", providerCalls);
        out.printf("  usage catch-up %s%n", catchUp
                .map(lag -> String.format(
                        "%d ms after the last answer, /api/ai/usage of all %d users showed all their requests",
                        lag.toMillis(), settings.users()))
                .orElse("NOT REACHED before the deadline"));
        out.println();
    }

    private static String breakdown(Map<String, Integer> errors) {
        if (errors.isEmpty()) {
            return "";
        }
        return errors.entrySet().stream()
                .map(entry -> entry.getValue() + " x " + entry.getKey())
                .collect(Collectors.joining(", ", " (", ")"));
    }
}
