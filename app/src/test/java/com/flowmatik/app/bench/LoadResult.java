package com.flowmatik.app.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * What one run of {@link ChatLoad} measured: the latency of every answered request, what went
 * wrong with the others, and how many correct answers each user got (what their usage must show).
 *
 * @param requested the requests the run was to send
 * @param latenciesNanos of every answered request, errors included, sorted
 * @param errors by what went wrong
 * @param okPerUser correct answers, by user number
 * @param wallNanos from the first request sent to the last answer
 */
record LoadResult(int requested, long[] latenciesNanos, Map<String, Integer> errors, int[] okPerUser, long wallNanos) {

    int answered() {
        return latenciesNanos.length;
    }

    int ok() {
        return Arrays.stream(okPerUser).sum();
    }

    int errorCount() {
        return errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Requests never sent because the run reached its deadline. */
    int notSent() {
        return requested - answered();
    }

    double seconds() {
        return wallNanos / 1e9;
    }

    /** Correct answers per second of wall time. */
    double throughput() {
        return ok() / seconds();
    }

    /** The latency below which {@code quantile} of the answers came (nearest rank), in milliseconds. */
    double percentileMillis(double quantile) {
        if (latenciesNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(quantile * latenciesNanos.length);
        return latenciesNanos[Math.max(rank, 1) - 1] / 1e6;
    }

    /** Collects the outcomes from the load threads; each request number is written by one thread only. */
    static final class Recorder {

        private final long[] latencies;
        private final String[] errors;
        private final boolean[] answered;
        private final AtomicIntegerArray okPerUser;

        Recorder(int requests, int users) {
            latencies = new long[requests];
            errors = new String[requests];
            answered = new boolean[requests];
            okPerUser = new AtomicIntegerArray(users);
        }

        /** {@code error} is null for a correct answer. */
        void answered(int request, int user, long latencyNanos, String error) {
            latencies[request] = latencyNanos;
            errors[request] = error;
            answered[request] = true;
            if (error == null) {
                okPerUser.incrementAndGet(user);
            }
        }

        /** Called after every load thread has ended, which makes their writes visible here. */
        LoadResult finish(long wallNanos) {
            Map<String, Integer> byKind = new TreeMap<>();
            long[] measured = new long[latencies.length];
            int count = 0;
            for (int i = 0; i < latencies.length; i++) {
                if (answered[i]) {
                    measured[count++] = latencies[i];
                    if (errors[i] != null) {
                        byKind.merge(errors[i], 1, Integer::sum);
                    }
                }
            }
            long[] sorted = Arrays.copyOf(measured, count);
            Arrays.sort(sorted);
            int[] ok = new int[okPerUser.length()];
            for (int user = 0; user < ok.length; user++) {
                ok[user] = okPerUser.get(user);
            }
            return new LoadResult(latencies.length, sorted, byKind, ok, wallNanos);
        }
    }
}
