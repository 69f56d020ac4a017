package com.flowmatik.app.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long after the last answer {@code GET /api/ai/usage} of every user shows all their
 * requests: the lag of the usage projection behind the commands. Asks the users still behind in
 * rounds, a few milliseconds apart, so the polling itself stays a small load.
 */
final class UsageCatchUp {

    private static final Duration PAUSE = Duration.ofMillis(10);

    private final ChatClient client;
    private final List<String> tokens;

    UsageCatchUp(ChatClient client, List<String> tokens) {
        this.client = client;
        this.tokens = List.copyOf(tokens);
    }

    /**
     * Waits until user {@code n}'s usage shows at least {@code expected[n]} requests (failed
     * requests are counted too, so it may show more). Answers the time from {@code since}, or
     * empty when the deadline came first.
     */
    Optional<Duration> await(int[] expected, long since, Instant deadline) throws InterruptedException {
        List<Integer> behind = new ArrayList<>();
        for (int user = 0; user < tokens.size(); user++) {
            behind.add(user);
        }
        while (!behind.isEmpty()) {
            behind.removeIf(user -> client.requestsToday(tokens.get(user)) >= expected[user]);
            if (behind.isEmpty()) {
                break;
            }
            if (Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            Thread.sleep(PAUSE.toMillis());
        }
        return Optional.of(Duration.ofNanos(System.nanoTime() - since));
    }
}
