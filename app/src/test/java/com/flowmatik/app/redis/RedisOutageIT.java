package com.flowmatik.app.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.flowmatik.FlowmatikApplication;
import com.flowmatik.app.support.Api;
import com.flowmatik.app.support.Api.Response;
import com.flowmatik.app.support.TestMode;
import com.flowmatik.app.support.TestSecrets;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Redis is a cache, not a dependency: an instance of the app of its own, pointed at a Redis of its
 * own on a free port (never the shared one), starts while that Redis is not running, serves signed-in
 * users, refuses signed-out tokens and keeps its rate limits; it catches up when Redis comes, keeps
 * serving when Redis goes again, and a sign-out survives a restart. The mysql mode only: the
 * embedded mode has no Redis.
 */
class RedisOutageIT {

    private static final String PREFIX = System.getenv().getOrDefault("FLOWMATIK_REDIS_PREFIX", "flowmatik:")
            + "redis-outage-it-" + UUID.randomUUID() + ":";
    private static final int AUTH_PER_MINUTE = 3;
    private static final Duration FAST = Duration.ofMillis(1_000);
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static int redisPort;
    private static Process redis;
    private static ConfigurableApplicationContext app;
    private static Api api;

    @BeforeAll
    static void startTheAppWithoutItsRedis() throws IOException {
        Assumptions.assumeTrue(TestMode.current() == TestMode.MYSQL, "the embedded mode uses no Redis");
        redisPort = freePort();
        app = startInstance();
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        stopRedis();
    }

    @Test
    void theAppServesWithoutRedisCatchesUpWhenItComesAndKeepsServingWhenItGoes() throws Exception {
        // started with no Redis at all
        String admin = await().atMost(Duration.ofSeconds(20))
                .ignoreExceptions() // the admin is created at start
                .until(() -> signIn(TestSecrets.ADMIN_EMAIL, TestSecrets.ADMIN_PASSWORD), token -> token != null);
        assertRedisIs("DOWN", admin);
        Response health = api.get("/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("degraded");
        assertThat(health.json().path("degraded").path("redis").asString()).isEqualTo("DOWN");

        String signedOut = register();
        assertServedFast(signedOut);
        assertThat(send(api.request("/api/auth/logout", signedOut).POST(HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(204);
        assertThat(me(signedOut).status())
                .as("a signed-out token without Redis")
                .isEqualTo(401);
        assertTheFourthSignInFromOneAddressIsRefused();

        // Redis comes: health, shared rate limits and the broadcast subscription follow
        startRedis();
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertRedisIs("UP", admin));
        String user = register();
        assertServedFast(user);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(redisKeys(PREFIX + "rate:*"))
                    .as("rate limits shared again")
                    .isNotEmpty();
            assertThat(subscribers(PREFIX + "live:broadcasts"))
                    .as("broadcasts subscribed")
                    .isPositive();
        });

        // Redis goes: nothing waits for it
        stopRedis();
        assertServedFast(user);
        assertServedFast(register());
        assertThat(me(signedOut).status()).isEqualTo(401);
        assertTheFourthSignInFromOneAddressIsRefused();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertRedisIs("DOWN", admin));

        // a sign-out is durable: a new instance refuses the token too
        app.close();
        app = startInstance();
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        assertThat(me(signedOut).status())
                .as("a signed-out token after a restart")
                .isEqualTo(401);
        assertServedFast(user);
    }

    private static void assertRedisIs(String status, String admin) {
        Response answer = api.get("/api/admin/health", admin);
        JsonNode health = answer.json();
        assertThat(health.path("components").path("redis").path("status").asString())
                .as(answer.body())
                .isEqualTo(status);
        assertThat(health.path("status").asString()).isEqualTo("UP".equals(status) ? "UP" : "DEGRADED");
    }

    private static void assertServedFast(String token) {
        long started = System.nanoTime();
        Response answer = me(token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(took)
                .as("an authenticated request while Redis is " + (redis == null ? "away" : "up"))
                .isLessThan(FAST);
    }

    private static void assertTheFourthSignInFromOneAddressIsRefused() {
        String address = newAddress();
        String body = "{\"email\":\"nobody-" + UUID.randomUUID() + "@example.test\",\"password\":\"wrong-password\"}";
        for (int attempt = 1; attempt <= AUTH_PER_MINUTE; attempt++) {
            assertThat(api.postFrom(address, "/api/auth/login", body).status())
                    .as("attempt " + attempt)
                    .isEqualTo(401);
        }
        Response refused = api.postFrom(address, "/api/auth/login", body);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("type").asString()).endsWith("/rate-limited");
    }

    private static String register() {
        String email = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String body = "{\"email\":\"" + email + "\",\"password\":\"outage-password\",\"name\":\"Outage\"}";
        Response answer = api.postFrom(newAddress(), "/api/auth/register", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("token").asString();
    }

    private static String signIn(String email, String password) {
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
        Response answer = api.postFrom(newAddress(), "/api/auth/login", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().path("token").asString();
    }

    private static Response me(String token) {
        return send(api.request("/api/auth/me", token)
                .header("X-Forwarded-For", newAddress())
                .GET());
    }

    private static Response send(HttpRequest.Builder request) {
        return api.send(request);
    }

    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    private static List<String> redisKeys(String pattern) {
        return withRedis(connection -> connection.sync().keys(pattern));
    }

    private static long subscribers(String channel) {
        return withRedis(connection -> connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L));
    }

    private static <T> T withRedis(java.util.function.Function<StatefulRedisConnection<String, String>, T> work) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + redisPort);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return work.apply(connection);
        } finally {
            client.shutdown();
        }
    }

    private static void startRedis() throws Exception {
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        String.valueOf(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        await().atMost(Duration.ofSeconds(10))
                .ignoreExceptions()
                .until(() ->
                        "PONG".equals(withRedis(connection -> connection.sync().ping())));
    }

    private static void stopRedis() {
        if (redis != null) {
            redis.destroy();
            try {
                redis.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            redis = null;
        }
    }

    private static ConfigurableApplicationContext startInstance() {
        return new SpringApplicationBuilder(FlowmatikApplication.class)
                .run(
                        "--server.port=0",
                        "--server.forward-headers-strategy=native",
                        "--spring.data.redis.url=redis://127.0.0.1:" + redisPort,
                        "--flowmatik.redis.prefix=" + PREFIX,
                        "--flowmatik.jwt.secret=" + TestSecrets.JWT,
                        "--flowmatik.admin.email=" + TestSecrets.ADMIN_EMAIL,
                        "--flowmatik.admin.password=" + TestSecrets.ADMIN_PASSWORD,
                        "--flowmatik.environment=test",
                        "--flowmatik.rate-limit.auth-per-minute=" + AUTH_PER_MINUTE,
                        "--flowmatik.rate-limit.sync-interval=100ms",
                        "--LOG_FORMAT=",
                        "--logging.level.root=WARN");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
