package com.flowmatik.app.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.flowmatik.FlowmatikApplication;
import com.flowmatik.app.support.Api;
import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.app.support.TestSecrets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The limits as a client meets them, on an instance of the app of its own with low limits: 3
 * sign-ins, 5 requests per user and 8 per address a minute. The instance trusts
 * {@code X-Forwarded-For} from the loopback proxy ({@code server.forward-headers-strategy=native}),
 * so every test calls from addresses of its own, the way a deployment behind a proxy sees them.
 * In mysql mode a second instance shows that instances share one budget through Redis, each
 * hearing of the other's requests within a sync interval.
 */
class RateLimitIT {

    private static final int AUTH_PER_MINUTE = 3;
    private static final int USER_PER_MINUTE = 5;
    private static final int IP_PER_MINUTE = 8;
    private static final String PASSWORD = "rate-limit-password";
    /** Keys of this run only, so that reruns against one Redis start from full buckets. */
    private static final String KEY_PREFIX = System.getenv().getOrDefault("FLOWMATIK_REDIS_PREFIX", "flowmatik:")
            + "rate-limit-it-" + UUID.randomUUID() + ":";
    /** How often the instances share their counts; the shared-budget test waits a few of these between requests. */
    private static final Duration SYNC_INTERVAL = Duration.ofMillis(100);

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static ConfigurableApplicationContext app;
    private static Api api;

    @BeforeAll
    static void startTheApp() throws Exception {
        app = startInstance();
        api = api(app);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (TestMode.current() == TestMode.MYSQL) {
            redis(redis -> {
                List<String> keys = redis.keys(KEY_PREFIX + "*");
                if (!keys.isEmpty()) {
                    redis.del(keys.toArray(String[]::new));
                }
            });
        }
    }

    @Test
    void theFourthSignInFromOneAddressWithinAMinuteIsRefused() {
        String address = newAddress();
        for (int attempt = 1; attempt <= AUTH_PER_MINUTE; attempt++) {
            Response answer = signIn(api, address);
            assertThat(answer.status()).as("attempt " + attempt).isEqualTo(401);
            assertThat(answer.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(AUTH_PER_MINUTE));
            assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo(String.valueOf(AUTH_PER_MINUTE - attempt));
        }

        Response refused = signIn(api, address);

        assertRateLimited(refused, AUTH_PER_MINUTE);
        assertThat(signIn(api, newAddress()).status())
                .as("another address may still try")
                .isEqualTo(401);
    }

    @Test
    void aUserOverTheirLimitIsRefusedWhileAnotherUserIsServed() {
        String first = register(api);
        String second = register(api);
        String address = newAddress();
        for (int request = 1; request <= USER_PER_MINUTE; request++) {
            assertThat(me(api, first, address).status())
                    .as("request " + request)
                    .isEqualTo(200);
        }

        assertRateLimited(me(api, first, address), USER_PER_MINUTE);
        assertThat(me(api, second, address).status()).isEqualTo(200);
    }

    @Test
    void anAddressOverItsLimitIsRefusedWhicheverUserCalls() {
        List<String> users = List.of(register(api), register(api), register(api));
        String address = newAddress();
        for (int request = 0; request < IP_PER_MINUTE; request++) {
            assertThat(me(api, users.get(request % 3), address).status())
                    .as("request " + (request + 1))
                    .isEqualTo(200);
        }

        assertRateLimited(me(api, users.get(IP_PER_MINUTE % 3), address), IP_PER_MINUTE);
        assertThat(me(api, users.get(0), newAddress()).status())
                .as("the same user from elsewhere")
                .isEqualTo(200);
    }

    @Test
    void instancesSharingRedisShareTheUserBudget() throws Exception {
        Assumptions.assumeTrue(TestMode.current() == TestMode.MYSQL, "needs Redis and a shared database");
        try (ConfigurableApplicationContext other = startInstance()) {
            List<Api> instances = List.of(api, api(other));
            String token = register(api);

            int served = 0;
            List<Integer> statuses = new ArrayList<>();
            for (int request = 0; request < 2 * USER_PER_MINUTE; request++) {
                Thread.sleep(3 * SYNC_INTERVAL.toMillis()); // the stated error: what arrives within one interval
                Response answer = me(instances.get(request % 2), token, newAddress());
                statuses.add(answer.status());
                if (answer.status() == 200) {
                    served++;
                } else {
                    assertRateLimited(answer, USER_PER_MINUTE);
                }
            }

            assertThat(served).as("served of " + statuses).isEqualTo(USER_PER_MINUTE);
            assertThat(statuses.subList(USER_PER_MINUTE, statuses.size()))
                    .as("both instances refuse once the shared budget is spent")
                    .containsOnly(429);
        }
        assertBucketKeysExpire();
    }

    private static void assertRateLimited(Response answer, int limit) {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asString()).endsWith("/rate-limited");
        assertThat(answer.json().path("status").asInt()).isEqualTo(429);
        assertThat(Long.parseLong(answer.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(answer.header("X-RateLimit-Limit")).isEqualTo(String.valueOf(limit));
        assertThat(answer.header("X-RateLimit-Remaining")).isEqualTo("0");
    }

    /** Every bucket key expires by the time its bucket is full again (a minute, plus slack). */
    private static void assertBucketKeysExpire() {
        redis(redis -> {
            List<String> keys = redis.keys(KEY_PREFIX + "rate:*");
            assertThat(keys).isNotEmpty();
            keys.forEach(key -> assertThat(redis.pttl(key)).as(key).isBetween(1L, 70_000L));
        });
    }

    private static void redis(Consumer<RedisCommands<String, String>> work) {
        RedisClient client = RedisClient.create(System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379"));
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            work.accept(connection.sync());
        } finally {
            client.shutdown();
        }
    }

    private static Response signIn(Api api, String address) {
        String body = "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.test\",\"password\":\"" + PASSWORD + "\"}";
        return api.postFrom(address, "/api/auth/login", body);
    }

    /** Registers a user from an address of its own, so that sign-ups do not spend a test's sign-in budget. */
    private static String register(Api api) {
        String email = "rate-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"name\":\"Rate\"}";
        Response answer = api.postFrom(newAddress(), "/api/auth/register", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("token").asString();
    }

    private static Response me(Api api, String token, String address) {
        return api.send(api.request("/api/auth/me", token)
                .header("X-Forwarded-For", address)
                .GET());
    }

    /** A documentation address (RFC 5737) no other request of this run calls from. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (n / 250) + "." + (n % 250 + 1);
    }

    private static ConfigurableApplicationContext startInstance() throws Exception {
        return new SpringApplicationBuilder(FlowmatikApplication.class).run(arguments());
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static String[] arguments() throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.forward-headers-strategy=native",
                "--flowmatik.jwt.secret=" + TestSecrets.JWT,
                "--flowmatik.environment=test",
                "--flowmatik.rate-limit.auth-per-minute=" + AUTH_PER_MINUTE,
                "--flowmatik.rate-limit.user-per-minute=" + USER_PER_MINUTE,
                "--flowmatik.rate-limit.ip-per-minute=" + IP_PER_MINUTE,
                "--flowmatik.rate-limit.sync-interval=" + SYNC_INTERVAL.toMillis() + "ms",
                "--flowmatik.redis.prefix=" + KEY_PREFIX,
                "--LOG_FORMAT=",
                "--logging.level.root=WARN"));
        if (TestMode.current() == TestMode.EMBEDDED) {
            args.add("--FLOWMATIK_DATA_DIR=" + Files.createTempDirectory("flowmatik-ratelimit-"));
        }
        return args.toArray(String[]::new);
    }
}
