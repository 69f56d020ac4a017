package com.flowmatik.app.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.app.redis.RedisKeys;
import com.flowmatik.app.support.IntegrationTest;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.query.QueryCache;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Hot queries are cached in Redis (mysql mode): a read is answered from the cache, and the next event
 * that changes what it holds evicts it, so the following read is the read model's again.
 */
class QueryCacheIT extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    private StringRedisTemplate redis;

    @BeforeEach
    void onlyWithRedis() {
        Assumptions.assumeTrue(TestMode.current() == TestMode.MYSQL, "the embedded mode caches nothing");
        redis = context.getBean(StringRedisTemplate.class);
    }

    @Test
    void aReadIsServedFromTheCacheUntilTheUsersNextRequestEvictsIt() {
        String token = api.register(uniqueEmail("cached"), "cached-password", "Cy");
        String userId = api.get("/api/auth/me", token).json().path("id").asString();
        String key = context.getBean(RedisKeys.class).key("cache:usage-today::") + userId + ":"
                + CLOCK.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        chat(token);
        // the whole chat in the read model (its request, then its charge, which evicts again), and then
        // a read that fills the cache with it
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() -> {
            JsonNode today = api.get("/api/ai/usage", token).json().path("today");
            assertThat(today.path("requests").asLong()).isEqualTo(1);
            assertThat(today.path("tokens").asLong()).isPositive();
            assertThat(requestsToday(token)).isEqualTo(1);
            assertThat(redis.hasKey(key)).isTrue();
        });
        assertThat(redis.getExpire(key)).isBetween(1L, 60L);
        // what the cache holds is what is served: make it say something the read model does not
        redis.opsForValue()
                .set(
                        key,
                        redis.opsForValue().get(key).replace("\"requests\":1", "\"requests\":999"),
                        Duration.ofSeconds(60));
        assertThat(requestsToday(token)).isEqualTo(999);

        chat(token);

        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(requestsToday(token)).isEqualTo(2));
    }

    @Test
    void theDashboardIsServedFromTheCacheUntilTheNextEventEvictsIt() {
        String admin = adminToken();
        String key = context.getBean(RedisKeys.class).key("cache:admin-dashboard::")
                + CLOCK.instant().atOffset(ZoneOffset.UTC).toLocalDate();
        long users = api.get("/api/admin/dashboard", admin).json().path("users").asLong();
        assertThat(redis.hasKey(key)).isTrue();
        redis.opsForValue()
                .set(
                        key,
                        redis.opsForValue().get(key).replaceFirst("\"users\":\\d+", "\"users\":-7"),
                        Duration.ofSeconds(10));
        assertThat(api.get("/api/admin/dashboard", admin).json().path("users").asLong())
                .isEqualTo(-7);

        api.register(uniqueEmail("dashboard-cache"), "cached-password", "Di");

        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(api.get("/api/admin/dashboard", admin)
                                .json()
                                .path("users")
                                .asLong())
                        .isGreaterThan(users));
    }

    @Test
    void aBatchOfEvictionsGivesEachKeyANewVersionThenRemovesItsEntryInOneGo() {
        String prefix = context.getBean(RedisKeys.class).key("cache:");
        String user = uniqueEmail("batch");
        List<String> keys = List.of(user + ":a", user + ":b");
        String untouched = prefix + "usage-today::" + user + ":c";
        for (String key : keys) {
            redis.opsForValue().set(prefix + "usage-today::" + key, "{}", Duration.ofSeconds(60));
        }
        redis.opsForValue().set(untouched, "{}", Duration.ofSeconds(60));

        QueryCache.Evictions evictions = (QueryCache.Evictions) context.getBean(CacheManager.class);
        evictions.versionAndEvict("usage-today", keys);

        List<String> versions = versionsOf(prefix, keys);
        for (String key : keys) {
            assertThat(redis.hasKey(prefix + "usage-today::" + key)).isFalse();
            assertThat(redis.getExpire(prefix + "usage-today" + QueryCache.VERSIONS + "::" + key))
                    .isBetween(1L, 120L);
        }
        assertThat(versions).doesNotContainNull();
        evictions.versionAndEvict("usage-today", keys);
        List<String> next = versionsOf(prefix, keys);
        for (int i = 0; i < keys.size(); i++) {
            assertThat(next.get(i)).isNotNull().isNotEqualTo(versions.get(i));
        }
        assertThat(redis.hasKey(untouched)).isTrue();
        redis.delete(untouched);
    }

    private List<String> versionsOf(String prefix, List<String> keys) {
        List<String> versions = new ArrayList<>();
        for (String key : keys) {
            versions.add(redis.opsForValue().get(prefix + "usage-today" + QueryCache.VERSIONS + "::" + key));
        }
        return versions;
    }

    private long requestsToday(String token) {
        return api.get("/api/ai/usage", token)
                .json()
                .path("today")
                .path("requests")
                .asLong();
    }

    private void chat(String token) {
        assertThat(api.post("/api/ai/chat", Map.of("message", "Hello"), token).status())
                .isEqualTo(200);
    }
}
