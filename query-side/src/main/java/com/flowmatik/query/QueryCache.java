package com.flowmatik.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A cache in front of one read model, when the platform has one (Redis in the mysql mode). The
 * projection that owns the rows evicts an entry when an event changes them, once its transaction
 * has committed (before, a reader could cache the old rows again). A cache that fails is bypassed:
 * it is only ever a shortcut to the read model, and its entries expire on their own.
 *
 * <p>Eviction alone leaves one race: a read of the old rows that began before the commit and stores
 * its answer after the eviction would be served until the entry expires. (It happened: in
 * {@code TwoInstancesIT} a user's usage stayed 60 tokens short for the cache's minute.) So every
 * eviction also gives the key a new version, in a second cache ({@code <name>-versions}), before it
 * removes the entry; a reader notes the version before it reads the rows and looks again after it has
 * stored its answer, and takes the answer back out when the version moved. Either the reader sees the
 * new version, or its answer was stored before the eviction removed it: no old answer stays.
 *
 * <p>A cache manager that is also {@link Evictions} (Redis, in the mysql mode) takes a batch's
 * evictions in one round trip; with any other the two caches are asked key by key, in the same order.
 */
public final class QueryCache {

    private static final Logger log = LoggerFactory.getLogger(QueryCache.class);

    /** The suffix of the cache that holds each key's version. */
    public static final String VERSIONS = "-versions";

    /** A cache manager that can give many keys of one cache a new version and forget their entries at once. */
    public interface Evictions {

        /**
         * For each key, a new version in the cache {@code <name>-versions}, and then, after all of
         * them, the keys' entries in {@code name} removed.
         */
        void versionAndEvict(String name, Collection<String> keys);
    }

    private final String name;
    private final Cache cache;
    private final Cache versions;
    private final Evictions evictions;

    private QueryCache(String name, Cache cache, Cache versions, Evictions evictions) {
        this.name = name;
        this.cache = cache;
        this.versions = versions;
        this.evictions = evictions;
    }

    /** The cache of that name, or a pass-through when the platform has none. */
    public static QueryCache of(CacheManager caches, String name) {
        Cache cache = caches.getCache(name);
        Cache versions = caches.getCache(name + VERSIONS);
        if (cache != null && versions == null) {
            throw new IllegalStateException("The " + name + " cache needs a " + name + VERSIONS + " cache beside it");
        }
        Evictions evictions = caches instanceof Evictions batch
                ? batch
                : (ignored, keys) -> {
                    String version = UUID.randomUUID().toString(); // one per batch: it only has to be new
                    keys.forEach(key -> versions.put(key, version)); // first: see the class comment
                    keys.forEach(cache::evict);
                };
        return new QueryCache(name, cache, versions, evictions);
    }

    public <T> T get(String key, Supplier<T> fromReadModel) {
        if (cache == null) {
            return fromReadModel.get();
        }
        Object before;
        try {
            Cache.ValueWrapper cached = cache.get(key);
            if (cached != null) {
                @SuppressWarnings("unchecked")
                T answer = (T) cached.get();
                return answer;
            }
            before = version(key);
        } catch (RuntimeException unavailable) {
            log.warn("The {} cache failed; answering from the read model: {}", name, unavailable.toString());
            return fromReadModel.get();
        }
        T answer = fromReadModel.get();
        try {
            cache.put(key, answer);
            if (!Objects.equals(before, version(key))) {
                cache.evict(key); // evicted while the rows were read: the answer may be the old one
            }
        } catch (RuntimeException unavailable) {
            log.warn("Could not cache {} in the {} cache: {}", key, name, unavailable.toString());
        }
        return answer;
    }

    private Object version(String key) {
        Cache.ValueWrapper version = versions.get(key);
        return version == null ? null : version.get();
    }

    /**
     * Forgets these entries once the current transaction commits (at once without one). A
     * projection's batch evicts each key once, however many of its events touched it.
     */
    public void evict(String... keys) {
        if (cache == null) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            evictNow(new LinkedHashSet<>(Arrays.asList(keys)));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<String> batch = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evictNow(batch);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(QueryCache.this);
                }
            });
            pending = batch;
        }
        pending.addAll(Arrays.asList(keys));
    }

    private void evictNow(Set<String> keys) {
        try {
            evictions.versionAndEvict(name, keys);
        } catch (RuntimeException unavailable) {
            log.warn(
                    "Could not evict {} from the {} cache; they expire on their own: {}",
                    keys,
                    name,
                    unavailable.toString());
        }
    }

    /** Forgets every entry: the read model is being rebuilt. */
    public void clear() {
        if (cache == null) {
            return;
        }
        afterCommit(() -> {
            try {
                cache.clear();
            } catch (RuntimeException unavailable) {
                log.warn(
                        "Could not clear the {} cache; its entries expire on their own: {}",
                        name,
                        unavailable.toString());
            }
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
