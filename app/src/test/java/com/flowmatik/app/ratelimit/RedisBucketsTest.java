package com.flowmatik.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Without a Redis to talk to, a limit check fails loudly and soon; it never lets the request through. */
class RedisBucketsTest {

    @Test
    void aCheckFailsWithRateLimitsUnavailableWhenRedisCannotBeReached() {
        RateLimitProperties limits = new RateLimitProperties(5, 8, 3, null);
        String nothingListens = "redis://127.0.0.1:1";
        RedisBuckets buckets = new RedisBuckets(nothingListens, Duration.ofSeconds(2), limits, Clock.systemUTC());
        try {
            assertThatThrownBy(() -> buckets.tryConsume(new Limit("ip", 8, "requests"), "203.0.113.7"))
                    .isInstanceOf(RateLimitsUnavailable.class);
        } finally {
            buckets.destroy();
        }
    }
}
