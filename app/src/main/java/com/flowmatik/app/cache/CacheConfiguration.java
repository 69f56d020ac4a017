package com.flowmatik.app.cache;

import com.flowmatik.api.usage.UsageReport;
import com.flowmatik.app.redis.RedisKeys;
import com.flowmatik.query.admin.Dashboard;
import java.time.Duration;
import java.util.Map;
import org.springframework.cache.CacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * Hot queries are cached in Redis in the mysql mode, shared by every instance; the projections
 * evict an entry when an event changes what it holds, after their transaction commits. Each entry
 * also expires, which bounds the one race eviction cannot close
 * (a read that began before a commit and stores its answer after the eviction). Quotas are never
 * decided from a cache: the usage account aggregate decides them. The embedded mode, one process
 * on a laptop, caches nothing.
 */
@Configuration(proxyBeanMethods = false)
class CacheConfiguration {

    /** Keys are {@code <FLOWMATIK_REDIS_PREFIX>cache:<cache>::<key>}. */
    @Bean
    @Profile("mysql")
    CacheManager redisCaches(RedisConnectionFactory redis, RedisKeys keys) {
        String prefix = keys.key("cache:");
        return RedisCacheManager.builder(redis)
                .cacheDefaults(RedisCacheConfiguration.defaultCacheConfig()
                        .prefixCacheNameWith(prefix)
                        .entryTtl(Duration.ofMinutes(1))
                        .disableCachingNullValues())
                .withInitialCacheConfigurations(Map.of(
                        "usage-today", typed(prefix, UsageReport.class, Duration.ofMinutes(1)),
                        "admin-dashboard", typed(prefix, Dashboard.class, Duration.ofSeconds(10))))
                .disableCreateOnMissingCache()
                .build();
    }

    @Bean
    @Profile("!mysql")
    CacheManager noCaches() {
        return new NoOpCacheManager();
    }

    private static RedisCacheConfiguration typed(String prefix, Class<?> type, Duration ttl) {
        return RedisCacheConfiguration.defaultCacheConfig()
                .prefixCacheNameWith(prefix)
                .entryTtl(ttl)
                .disableCachingNullValues()
                .serializeValuesWith(SerializationPair.fromSerializer(new JacksonJsonRedisSerializer<>(type)));
    }
}
