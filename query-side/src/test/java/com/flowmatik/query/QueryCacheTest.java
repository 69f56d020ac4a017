package com.flowmatik.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;

/**
 * The race eviction alone leaves open: a read of the old rows that began before the projection's
 * commit, and stores its answer after the eviction. Spring's in-memory cache stands in for Redis;
 * what is tested is the order of QueryCache's own steps.
 */
class QueryCacheTest {

    private final ConcurrentMapCacheManager caches =
            new ConcurrentMapCacheManager("usage", "usage" + QueryCache.VERSIONS);
    private final QueryCache cache = QueryCache.of(caches, "usage");

    @Test
    void anAnswerReadWhileTheKeyWasEvictedIsNotKept() {
        AtomicInteger rows = new AtomicInteger(1);

        // the reader has read the old rows (1) when the projection commits 2 and evicts the key
        int answer = cache.get("ada", () -> {
            int read = rows.get();
            rows.set(2);
            cache.evict("ada");
            return read;
        });

        assertThat(answer).isEqualTo(1);
        assertThat(caches.getCache("usage").get("ada")).isNull();
        assertThat(cache.get("ada", rows::get)).isEqualTo(2);
    }

    @Test
    void anAnswerIsKeptUntilTheNextEviction() {
        AtomicInteger reads = new AtomicInteger();

        assertThat(cache.get("ada", () -> reads.incrementAndGet() * 10)).isEqualTo(10);
        assertThat(cache.get("ada", () -> reads.incrementAndGet() * 10)).isEqualTo(10);
        assertThat(reads).hasValue(1);

        cache.evict("ada");

        assertThat(cache.get("ada", () -> reads.incrementAndGet() * 10)).isEqualTo(20);
        assertThat(cache.get("ada", () -> reads.incrementAndGet() * 10)).isEqualTo(20);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anEvictionOfAnotherKeyLeavesTheAnswerCached() {
        cache.get("ada", () -> 1);
        int answer = cache.get("bob", () -> {
            cache.evict("ada");
            return 7;
        });

        assertThat(answer).isEqualTo(7);
        assertThat(caches.getCache("usage").get("bob").get()).isEqualTo(7);
        assertThat(caches.getCache("usage").get("ada")).isNull();
    }

    /** A cache manager that takes its evictions in batches, and notes each batch. */
    static final class Batching extends ConcurrentMapCacheManager implements QueryCache.Evictions {
        final List<List<String>> batches = new ArrayList<>();

        Batching() {
            super("usage", "usage" + QueryCache.VERSIONS);
        }

        @Override
        public void versionAndEvict(String name, Collection<String> keys) {
            batches.add(List.copyOf(keys));
            keys.forEach(key -> getCache(name).evict(key));
        }
    }

    @Test
    void aManagerThatTakesBatchesIsGivenTheKeysOfAnEvictionAtOnce() {
        Batching batching = new Batching();
        QueryCache batched = QueryCache.of(batching, "usage");
        batched.get("ada", () -> 1);
        batched.get("bob", () -> 2);

        batched.evict("ada", "bob", "ada");

        assertThat(batching.batches).containsExactly(List.of("ada", "bob"));
        assertThat(batched.get("ada", () -> 3)).isEqualTo(3);
        assertThat(batching.getCache("usage" + QueryCache.VERSIONS).get("ada"))
                .as("versions are the manager's to set")
                .isNull();
    }

    @Test
    void aCacheWithoutItsVersionsIsRefusedAtStart() {
        assertThatThrownBy(() -> QueryCache.of(new ConcurrentMapCacheManager("usage"), "usage"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("usage-versions");
    }
}
