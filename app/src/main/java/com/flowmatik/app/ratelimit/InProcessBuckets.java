package com.flowmatik.app.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded mode's buckets: a map in this process, least recently used first. A bucket unused
 * for a {@link Limit#PERIOD} is full again, so it is dropped without changing any answer; the map
 * is also capped, so a flood of distinct addresses cannot exhaust the memory (at the price of
 * resetting the least recently used client's bucket). A restart forgets all buckets, which the
 * embedded mode (one process) accepts.
 */
@Component
@Profile("!mysql")
class InProcessBuckets implements RateLimitBuckets {

    /** Far more clients a minute than one embedded process serves; a few MB at most. */
    static final int MAX_ENTRIES = 20_000;

    private final Clock clock;
    private final ClockTimeMeter time;
    private final int maxEntries;
    /** In access order: the eldest entry is the least recently used. Guarded by {@code this}. */
    private final LinkedHashMap<String, Entry> buckets = new LinkedHashMap<>(64, 0.75f, true);

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
        return bucket(limit, subject).tryConsumeAndReturnRemaining(1);
    }

    synchronized int size() {
        return buckets.size();
    }

    private synchronized Bucket bucket(Limit limit, String subject) {
        Instant now = clock.instant();
        dropIdle(now);
        String key = limit.key(subject);
        Entry entry = buckets.get(key);
        Bucket bucket = entry != null
                ? entry.bucket()
                : Bucket.builder().addLimit(limit.bandwidth()).withCustomTimePrecision(time).build();
        buckets.put(key, new Entry(bucket, now));
        if (buckets.size() > maxEntries) {
            Iterator<Entry> eldest = buckets.values().iterator();
            eldest.next();
            eldest.remove();
        }
        return bucket;
    }

    /** Idle entries are at the head of the access order, so the walk stops at the first busy one. */
    private void dropIdle(Instant now) {
        Instant idleBefore = now.minus(Limit.PERIOD);
        Iterator<Map.Entry<String, Entry>> entries = buckets.entrySet().iterator();
        while (entries.hasNext() && !entries.next().getValue().lastUsed().isAfter(idleBefore)) {
            entries.remove();
        }
    }

    private record Entry(Bucket bucket, Instant lastUsed) {}
}
