package com.flowmatik.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InProcessBucketsTest {

    private static final Limit THREE_A_MINUTE = new Limit("test", 3, "test requests");

    private final SteppedClock clock = new SteppedClock();
    private final InProcessBuckets buckets = new InProcessBuckets(clock, 3);

    @Test
    void servesTheLimitThenRefusesUntilTheNextTokenIsDue() {
        IntStream.range(0, 3).forEach(i -> assertThat(consume("a").isConsumed()).isTrue());

        ConsumptionProbe refused = consume("a");

        assertThat(refused.isConsumed()).isFalse();
        assertThat(Duration.ofNanos(refused.getNanosToWaitForRefill())).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void refillsOneTokenEveryThirdOfAMinuteAtThreeAMinute() {
        IntStream.range(0, 3).forEach(i -> consume("a"));

        clock.advance(Duration.ofSeconds(20));

        assertThat(consume("a").isConsumed()).isTrue();
        assertThat(consume("a").isConsumed()).isFalse();
    }

    @Test
    void keepsAPerSubjectCount() {
        IntStream.range(0, 3).forEach(i -> consume("a"));

        assertThat(consume("b").isConsumed()).isTrue();
    }

    @Test
    void forgetsABucketUnusedForAMinuteBecauseItIsFullAgainAnyway() {
        consume("a");
        consume("b");
        clock.advance(Duration.ofSeconds(30));
        consume("b");
        clock.advance(Duration.ofSeconds(30));

        consume("c");

        assertThat(buckets.size()).as("a dropped, b used 30 s ago kept, c new").isEqualTo(2);
    }

    @Test
    void dropsTheLeastRecentlyUsedBucketWhenFull() {
        IntStream.range(0, 3).forEach(i -> consume("a"));
        consume("b");
        consume("c");
        consume("a");

        consume("d");

        assertThat(buckets.size()).isEqualTo(3);
        assertThat(consume("a").isConsumed())
                .as("a was used recently, so its spent bucket stays")
                .isFalse();
        assertThat(consume("b").getRemainingTokens())
                .as("b was dropped and starts full again")
                .isEqualTo(2);
    }

    private ConsumptionProbe consume(String subject) {
        return buckets.tryConsume(THREE_A_MINUTE, subject);
    }

    @Test
    void aBucketAdoptsTheSharedCountLessWhatItAdmittedSinceItWasRead() {
        consume("a");
        LocalBucket bucket = buckets.usedWithin(Duration.ofMinutes(1)).get(0);
        assertThat(bucket.takeUnshared())
                .as("admitted here since the last round")
                .isEqualTo(1);
        consume("a");

        bucket.adoptShared(1); // the other instances took one more: 3 - 1 (here) - 1 (elsewhere)

        assertThat(consume("a").isConsumed())
                .as("1 shared - 1 admitted since = 0 left")
                .isFalse();
        assertThat(bucket.takeUnshared())
                .as("the second request is told at the next round")
                .isEqualTo(1);
    }

    @Test
    void aBucketThatOthersLeftFullerGetsItsTokensBack() {
        IntStream.range(0, 3).forEach(i -> consume("a"));
        LocalBucket bucket = buckets.usedWithin(Duration.ofMinutes(1)).get(0);
        bucket.takeUnshared();

        bucket.adoptShared(2);

        assertThat(consume("a").isConsumed()).isTrue();
        assertThat(consume("a").isConsumed()).isTrue();
        assertThat(consume("a").isConsumed()).isFalse();
    }
}
