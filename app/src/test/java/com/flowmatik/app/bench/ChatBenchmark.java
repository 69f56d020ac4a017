package com.flowmatik.app.bench;

import com.flowmatik.app.support.OpenAiStandIn;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Metered chat throughput and latency of the whole platform, in the runtime mode of the
 * environment (embedded, or mysql with {@code SPRING_PROFILES_ACTIVE=mysql}, {@code DATABASE_URL}
 * and {@code REDIS_URL}). Starts the OpenAI stand-in and the app on loopback, signs up the users,
 * warms up, sends the measured requests and waits for the usage read model to show them all.
 * Settings: {@link BenchSettings}. Fails (after printing) when any answer was wrong.
 */
public final class ChatBenchmark {

    /** What the stand-in reports for every chat, and so what every answer's usage must say. */
    private static final long PROMPT_TOKENS = 12;
    private static final long COMPLETION_TOKENS = 6;

    private ChatBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Instant deadline = Instant.now().plus(settings.maxDuration());
        BenchReport report;
        try (OpenAiStandIn provider = OpenAiStandIn.start();
                BenchPlatform platform = BenchPlatform.start(provider)) {
            provider.reply("Hello from the stand-in.", PROMPT_TOKENS, COMPLETION_TOKENS);
            report = run(settings, deadline, provider, platform);
        }
        report.print(System.out);
        if (report.failed()) {
            throw new IllegalStateException(
                    "the benchmark run had wrong answers or did not finish in time: see the report above");
        }
    }

    private static BenchReport run(
            BenchSettings settings, Instant deadline, OpenAiStandIn provider, BenchPlatform platform)
            throws InterruptedException {
        ChatClient client = new ChatClient(platform.baseUrl());
        progress("signing up %d users", settings.users());
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> tokens = IntStream.range(0, settings.users())
                .parallel()
                .mapToObj(user -> client.signUp("bench-" + run + "-" + user + "@example.test"))
                .toList();
        ChatLoad load = new ChatLoad(client, tokens, PROMPT_TOKENS, COMPLETION_TOKENS);
        UsageCatchUp usage = new UsageCatchUp(client, tokens);

        progress("warming up: %d requests", settings.warmup());
        LoadResult warmup = load.run(settings.warmup(), settings.concurrency(), deadline);
        // start measuring with the projections idle, so the run does not pay for the warm-up's events
        usage.await(warmup.okPerUser(), System.nanoTime(), deadline);

        progress("measuring: %d requests at concurrency %d", settings.requests(), settings.concurrency());
        int callsBefore = provider.chatCalls();
        LoadResult measured = load.run(settings.requests(), settings.concurrency(), deadline);
        long lastAnswer = System.nanoTime();
        int providerCalls = provider.chatCalls() - callsBefore;
        int[] expected = new int[tokens.size()];
        for (int user = 0; user < expected.length; user++) {
            expected[user] = warmup.okPerUser()[user] + measured.okPerUser()[user];
        }
        return new BenchReport(platform.description(), settings, measured, providerCalls,
                usage.await(expected, lastAnswer, deadline));
    }

    private static void progress(String format, Object... values) {
        System.err.printf("[bench] " + format + "%n", values);
    }
}
