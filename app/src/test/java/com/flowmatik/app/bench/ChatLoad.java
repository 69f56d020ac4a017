package com.flowmatik.app.bench;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Sends chat requests as a closed loop: {@code concurrency} threads, each sending its next request
 * as soon as its last one is answered, the users taken in turn. Every answer is checked: 200 with
 * exactly the usage the stand-in reports, anything else is an error.
 */
final class ChatLoad {

    private final ChatClient client;
    private final List<String> tokens;
    private final long promptTokens;
    private final long completionTokens;
    /** Request numbers continue across runs so that every run takes the users in turn from where the last left off. */
    private final AtomicInteger sent = new AtomicInteger();

    ChatLoad(ChatClient client, List<String> tokens, long promptTokens, long completionTokens) {
        this.client = client;
        this.tokens = List.copyOf(tokens);
        this.promptTokens = promptTokens;
        this.completionTokens = completionTokens;
    }

    /** Sends {@code requests} chats; none is started after {@code deadline}. */
    LoadResult run(int requests, int concurrency, Instant deadline) throws InterruptedException {
        LoadResult.Recorder recorder = new LoadResult.Recorder(requests, tokens.size());
        AtomicInteger next = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        long start = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                workers.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        if (Instant.now().isAfter(deadline)) {
                            return;
                        }
                        send(i, recorder);
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load thread failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
        return recorder.finish(System.nanoTime() - start);
    }

    private void send(int i, LoadResult.Recorder recorder) {
        int user = Math.floorMod(sent.getAndIncrement(), tokens.size());
        long started = System.nanoTime();
        try {
            ChatClient.Answer answer = client.chat(tokens.get(user), "Benchmark question " + i);
            long latency = System.nanoTime() - started;
            recorder.answered(i, user, latency, outcome(answer));
        } catch (UncheckedIOException noAnswer) {
            String error = "no answer (" + noAnswer.getCause().getClass().getSimpleName() + ")";
            recorder.answered(i, user, System.nanoTime() - started, error);
        }
    }

    /** null when the answer is right, else what was wrong with it. */
    private String outcome(ChatClient.Answer answer) {
        if (answer.status() != 200) {
            return "status " + answer.status();
        }
        JsonNode usage = answer.json().path("usage");
        if (usage.path("promptTokens").asLong(-1) != promptTokens
                || usage.path("completionTokens").asLong(-1) != completionTokens
                || answer.json().path("estimated").asBoolean(false)) {
            return "200 with other usage than the provider's";
        }
        return null;
    }
}
