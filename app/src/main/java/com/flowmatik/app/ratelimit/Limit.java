package com.flowmatik.app.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * One budget: {@code perMinute} requests, refilled greedily (a token every {@code 60 s / perMinute})
 * so that a client who paused is not made to wait for a whole minute.
 *
 * @param name which budget, part of every bucket's key
 * @param perMinute the bucket's capacity and its refill per minute
 * @param counts what the budget counts, for the refusal's detail
 */
record Limit(String name, long perMinute, String counts) {

    /** A bucket untouched this long is full again, so forgetting it loses nothing. */
    static final Duration PERIOD = Duration.ofMinutes(1);

    Bandwidth bandwidth() {
        return Bandwidth.builder()
                .capacity(perMinute)
                .refillGreedy(perMinute, PERIOD)
                .build();
    }

    BucketConfiguration configuration() {
        return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    /**
     * The bucket of one subject. The capacity is part of the key: a stored bucket keeps the
     * configuration it was created with, so a changed limit takes effect at once in new buckets
     * instead of waiting for busy clients' buckets to expire.
     */
    String key(String subject) {
        return name + ":" + perMinute + ":" + subject;
    }
}
