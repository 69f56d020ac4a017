package com.flowmatik.app.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The buckets every request is checked against, in this process in every mode: a check never waits
 * for Redis. In the mysql and axonserver modes {@link RedisBucketSync} shares them with the other
 * instances in the background; while Redis is away they simply go on counting alone.
 *
 * <p>Least recently used first: a bucket unused for a {@link Limit#PERIOD} is full again, so it is
 * dropped without changing any answer; the map is also capped, so a flood of distinct addresses
 * cannot exhaust the memory (at the price of resetting the least recently used client's bucket).
 */
@Component
class InProcessBuckets implements RateLimitBuckets {

    /** Far more clients a minute than one process serves; a few MB at most. */
    static final int MAX_ENTRIES = 20_000;

    private final Clock clock;
    private final ClockTimeMeter time;
    private final int maxEntries;
    /** In access order: the eldest entry is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<String, LocalBucket> buckets = new LinkedHashMap<>(64, 0.75f, true);

    @Autowired
    InProcessBuckets(Clock clock) {
        this(clock, MAX_ENTRIES);
    }

    InProcessBuckets(Clock clock, int maxEntries) {
        this.clock = clock;
        this.time = new ClockTimeMeter(clock);
        this.maxEntries = maxEntries;
    }

    @Override
    public ConsumptionProbe tryConsume(Limit limit, String subject) {
        Instant now = clock.instant();
        return bucket(limit, subject, now).tryConsume(now);
    }

    synchronized int size() {
        return buckets.size();
    }

    /** The buckets used here within {@code recently}: the ones worth sharing. */
    synchronized List<LocalBucket> usedWithin(Duration recently) {
        Instant since = clock.instant().minus(recently);
        return buckets.values().stream()
                .filter(bucket -> bucket.lastUsed().isAfter(since))
                .toList();
    }

    private synchronized LocalBucket bucket(Limit limit, String subject, Instant now) {
        dropIdle(now);
        String key = limit.key(subject);
        LocalBucket bucket = buckets.get(key);
        if (bucket == null) {
            bucket = new LocalBucket(
                    limit,
                    key,
                    Bucket.builder()
                            .addLimit(limit.bandwidth())
                            .withCustomTimePrecision(time)
                            .build(),
                    now);
            buckets.put(key, bucket);
            if (buckets.size() > maxEntries) {
                Iterator<LocalBucket> eldest = buckets.values().iterator();
                eldest.next();
                eldest.remove();
            }
        }
        return bucket;
    }

    /** Idle entries are at the head of the access order, so the walk stops at the first busy one. */
    private void dropIdle(Instant now) {
        Instant idleBefore = now.minus(Limit.PERIOD);
        Iterator<Map.Entry<String, LocalBucket>> entries = buckets.entrySet().iterator();
        while (entries.hasNext() && !entries.next().getValue().lastUsed().isAfter(idleBefore)) {
            entries.remove();
        }
    }
}
