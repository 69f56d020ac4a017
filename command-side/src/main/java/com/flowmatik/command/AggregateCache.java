package com.flowmatik.command;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * The aggregates a command needs, kept between commands so that a command does not rebuild its
 * aggregate from the event store. Bounded in size and idle time (Caffeine), unlike Axon's weak
 * reference cache, which the young collections of a busy process empty every few milliseconds.
 *
 * <p>Why a stale entry is harmless with several instances on one database: an instance that decides
 * on an aggregate another instance has moved on appends at a sequence number that is taken. The
 * event store's unique key refuses it, Axon raises a {@code ConcurrencyException}, the caching
 * repository drops the entry when the unit of work rolls back, and the command is retried against
 * the stored events ({@code CommandConflicts} in the app). Nothing decided on stale state is kept.
 */
public final class AggregateCache implements Cache {

    /** The bean names of the caches, as the aggregates name them. */
    public static final String USAGE_ACCOUNTS = "usageAccountCache";

    public static final String CONVERSATIONS = "conversationCache";

    public static final String SUBSCRIPTIONS = "subscriptionCache";

    private final ConcurrentMap<Object, Object> entries;

    public AggregateCache(long maximumSize, Duration idle) {
        this.entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterAccess(idle)
                .build()
                .asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.clear();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        // nothing listens to aggregate entries
        return () -> true;
    }

    public long size() {
        return entries.size();
    }
}
