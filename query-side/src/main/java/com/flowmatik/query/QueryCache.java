package com.flowmatik.query;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
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
 */
public final class QueryCache {

    private static final Logger log = LoggerFactory.getLogger(QueryCache.class);

    private final String name;
    private final Cache cache;

    private QueryCache(String name, Cache cache) {
        this.name = name;
        this.cache = cache;
    }

    /** The cache of that name, or a pass-through when the platform has none. */
    public static QueryCache of(CacheManager caches, String name) {
        return new QueryCache(name, caches.getCache(name));
    }

    public <T> T get(String key, Supplier<T> fromReadModel) {
        if (cache == null) {
            return fromReadModel.get();
        }
        try {
            return cache.get(key, fromReadModel::get);
        } catch (RuntimeException unavailable) {
            log.warn("The {} cache failed; answering from the read model: {}", name, unavailable.toString());
            return fromReadModel.get();
        }
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
        for (String key : keys) {
            try {
                cache.evict(key);
            } catch (RuntimeException unavailable) {
                log.warn(
                        "Could not evict {} from the {} cache; it expires on its own: {}",
                        key,
                        name,
                        unavailable.toString());
            }
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
