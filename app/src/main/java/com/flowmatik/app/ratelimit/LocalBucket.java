package com.flowmatik.app.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One client's bucket of one limit in this process, with the requests it admitted that the other
 * instances have not heard of yet. Checking it is a local operation; {@link RedisBucketSync} shares
 * it in the background.
 */
final class LocalBucket {

    private final Limit limit;
    private final String key;
    private final Bucket bucket;
    private final AtomicLong unshared = new AtomicLong();
    private volatile Instant lastUsed;

    LocalBucket(Limit limit, String key, Bucket bucket, Instant now) {
        this.limit = limit;
        this.key = key;
        this.bucket = bucket;
        this.lastUsed = now;
    }

    ConsumptionProbe tryConsume(Instant now) {
        lastUsed = now;
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            unshared.incrementAndGet();
        }
        return probe;
    }

    /** The requests admitted here since the last call, now to be told to the other instances. */
    long takeUnshared() {
        return unshared.getAndSet(0);
    }

    /**
     * Adopts the shared bucket's count, which includes every instance's requests up to when it was
     * read, less the requests admitted here since then (they are told at the next sync).
     */
    synchronized void adoptShared(long sharedAvailable) {
        long target = sharedAvailable - unshared.get();
        long local = bucket.getAvailableTokens();
        if (target < local) {
            bucket.consumeIgnoringRateLimits(local - target);
        } else if (target > local) {
            bucket.addTokens(target - local);
        }
    }

    Limit limit() {
        return limit;
    }

    String key() {
        return key;
    }

    Instant lastUsed() {
        return lastUsed;
    }
}
