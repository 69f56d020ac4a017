package com.flowmatik.app.cache;

import com.flowmatik.query.QueryCache;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.redis.cache.RedisCache;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;

/**
 * Spring Data Redis's caches, which also take a projection batch's evictions ({@link QueryCache})
 * as one script: every key's new version, then the entries removed. Asked key by key, a batch of
 * the usage projection made two round trips per user it touched, one after the other on the
 * projection's thread; a pipeline would have opened a connection of its own each time (Spring Data
 * Redis pipelines on a dedicated connection). Keys, values and expiries are the caches' own, as
 * Spring Data Redis writes them.
 */
final class VersionedRedisCaches extends RedisCacheManager implements QueryCache.Evictions {

    private final RedisConnectionFactory redis;

    VersionedRedisCaches(
            RedisConnectionFactory redis,
            RedisCacheConfiguration defaults,
            Map<String, RedisCacheConfiguration> caches) {
        super(RedisCacheWriter.nonLockingRedisCacheWriter(redis), defaults, false, caches);
        this.redis = redis;
    }

    @Override
    protected RedisCache createRedisCache(String name, RedisCacheConfiguration configuration) {
        return new Keyed(name, getCacheWriter(), configuration);
    }

    /**
     * One script, so one command on the shared connection: each key's version set (one new value
     * for the whole batch: a version only has to differ from the one a reader saw), then the entries
     * removed. KEYS: the versions' keys, then the entries'; ARGV: the version and its expiry in ms.
     */
    private static final byte[] VERSION_AND_EVICT = """
            local n = #KEYS / 2
            for i = 1, n do redis.call('SET', KEYS[i], ARGV[1], 'PX', ARGV[2]) end
            for i = n + 1, #KEYS do redis.call('DEL', KEYS[i]) end
            return n
            """.getBytes(StandardCharsets.UTF_8);

    @Override
    public void versionAndEvict(String name, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Keyed entries = cache(name);
        Keyed versions = cache(name + QueryCache.VERSIONS);
        String version = UUID.randomUUID().toString();
        List<byte[]> keysAndArgs = new ArrayList<>(2 * keys.size() + 2);
        keys.forEach(key -> keysAndArgs.add(versions.keyOf(key)));
        keys.forEach(key -> keysAndArgs.add(entries.keyOf(key)));
        keysAndArgs.add(versions.valueOf(version));
        long expiry = versions.expiryOf(keys.iterator().next(), version).toMillis();
        keysAndArgs.add(Long.toString(expiry).getBytes(StandardCharsets.UTF_8));
        try (RedisConnection connection = redis.getConnection()) {
            connection
                    .scriptingCommands()
                    .eval(VERSION_AND_EVICT, ReturnType.INTEGER, 2 * keys.size(), keysAndArgs.toArray(byte[][]::new));
        }
    }

    private Keyed cache(String name) {
        if (getCache(name) instanceof Keyed keyed) {
            return keyed;
        }
        throw new IllegalArgumentException("No cache named " + name);
    }

    /** A Redis cache that tells how it writes a key and a value. */
    private static final class Keyed extends RedisCache {

        Keyed(String name, RedisCacheWriter writer, RedisCacheConfiguration configuration) {
            super(name, writer, configuration);
        }

        byte[] keyOf(String key) {
            return serializeCacheKey(createCacheKey(key));
        }

        byte[] valueOf(Object value) {
            return serializeCacheValue(value);
        }

        Duration expiryOf(String key, Object value) {
            return getCacheConfiguration().getTtlFunction().getTimeToLive(key, value);
        }
    }
}
