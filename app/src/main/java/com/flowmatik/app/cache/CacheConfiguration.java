package com.flowmatik.app.cache;

import com.flowmatik.api.usage.UsageReport;
import com.flowmatik.app.redis.RedisKeys;
import com.flowmatik.query.QueryCache;
import com.flowmatik.query.admin.Dashboard;
import java.time.Duration;
import java.util.Map;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;
import org.springframework.data.redis.serializer.RedisSerializer;

/**
 * Hot queries are cached in Redis in the mysql mode, shared by every instance; the projections
 * evict an entry when an event changes what it holds, after their transaction commits, and a read
 * that raced with the eviction takes its answer back out ({@link QueryCache}); each entry also
 * expires. Quotas are never decided from a cache: the usage account aggregate decides them. The
 * embedded mode, one process on a laptop, caches nothing.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    /** Keys are {@code <FLOWMATIK_REDIS_PREFIX>cache:<cache>::<key>}; no cache beyond these is made on demand. */
    @Bean
    @Profile("mysql")
    CacheManager redisCaches(RedisConnectionFactory redis, RedisKeys keys) {
        String prefix = keys.key("cache:");
        return new VersionedRedisCaches(
                redis,
                RedisCacheConfiguration.defaultCacheConfig()
                        .prefixCacheNameWith(prefix)
                        .entryTtl(Duration.ofMinutes(1))
                        .disableCachingNullValues(),
                Map.of(
                        "usage-today",
                        typed(prefix, UsageReport.class, Duration.ofMinutes(1)),
                        "usage-today" + QueryCache.VERSIONS,
                        versions(prefix, Duration.ofMinutes(2)),
                        "admin-dashboard",
                        typed(prefix, Dashboard.class, Duration.ofSeconds(10)),
                        "admin-dashboard" + QueryCache.VERSIONS,
                        versions(prefix, Duration.ofSeconds(20))));
    }

    @Bean
    @Profile("!mysql")
    CacheManager noCaches() {
        return new NoOpCacheManager();
    }

    /**
     * Each key's version ({@link QueryCache}): kept longer than its entry, though a version that
     * expires only makes a reader take its answer back out once.
     */
    private static RedisCacheConfiguration versions(String prefix, Duration ttl) {
        return RedisCacheConfiguration.defaultCacheConfig()
                .prefixCacheNameWith(prefix)
                .entryTtl(ttl)
                .disableCachingNullValues()
                .serializeValuesWith(SerializationPair.fromSerializer(RedisSerializer.string()));
    }

    private static RedisCacheConfiguration typed(String prefix, Class<?> type, Duration ttl) {
        return RedisCacheConfiguration.defaultCacheConfig()
                .prefixCacheNameWith(prefix)
                .entryTtl(ttl)
                .disableCachingNullValues()
                .serializeValuesWith(SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(type)));
    }
}
