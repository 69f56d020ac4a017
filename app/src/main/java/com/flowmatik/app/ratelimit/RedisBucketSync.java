package com.flowmatik.app.ratelimit;

import com.flowmatik.app.redis.RedisKeys;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.AsyncVerboseBucket;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Shares this instance's buckets with the other instances through Redis, in the background, every
 * {@link RateLimitProperties#syncInterval()}: each recently used bucket tells the shared bucket
 * (one Redis key under the platform's prefix, {@code rate:…}, updated by compare-and-swap and
 * expiring once full again) what it admitted since the last round, and adopts the shared count,
 * which includes everyone's requests.
 *
 * <p>So a request never waits for Redis, and the limit holds across instances up to what they admit
 * between two rounds: with {@code n} instances a client gets at most the limit plus what the other
 * {@code n − 1} admitted within one interval before hearing of each other (at most the bucket's
 * capacity each, for a burst on a bucket new to them). While Redis is unreachable each instance
 * counts alone, and the rounds resume by themselves when it answers again.
 */
@Component
@Profile("mysql")
class RedisBucketSync implements InitializingBean, DisposableBean {

    /** Slack for the clocks of instances that disagree a little on when a bucket is full. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(RedisBucketSync.class);

    private final InProcessBuckets buckets;
    private final RedisClient client;
    private final Duration timeout;
    private final Duration interval;
    private final String keyPrefix;
    private final Clock clock;
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rate-limit-sync");
        thread.setDaemon(true);
        return thread;
    });
    private StatefulRedisConnection<String, byte[]> connection;
    private AsyncProxyManager<String> proxies;
    private boolean shared = true;

    RedisBucketSync(
            InProcessBuckets buckets,
            @Value("${spring.data.redis.url}") String url,
            @Value("${spring.data.redis.timeout:2s}") Duration timeout,
            RateLimitProperties limits,
            RedisKeys keys,
            Clock clock) {
        this.buckets = buckets;
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        this.timeout = timeout;
        this.interval = limits.syncInterval();
        this.keyPrefix = keys.key("rate:");
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        rounds.scheduleWithFixedDelay(this::roundQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void roundQuietly() {
        try {
            round();
            sharing(true, null);
        } catch (Exception failure) {
            sharing(false, failure);
        }
    }

    /** One round: every bucket used within the last period tells and learns; empty rounds cost nothing. */
    void round() throws Exception {
        List<LocalBucket> recent = buckets.usedWithin(Limit.PERIOD);
        if (recent.isEmpty()) {
            return;
        }
        AsyncProxyManager<String> shared = proxies();
        CompletableFuture<?>[] exchanges = recent.stream()
                .map(local -> {
                    long admitted = local.takeUnshared();
                    AsyncVerboseBucket remote = shared.getProxy(
                                    keyPrefix + local.key(),
                                    () -> CompletableFuture.completedFuture(
                                            local.limit().configuration()))
                            .asVerbose();
                    CompletableFuture<VerboseResult<Long>> told =
                            admitted > 0 ? remote.consumeIgnoringRateLimits(admitted) : remote.getAvailableTokens();
                    return told.thenAccept(
                            result -> local.adoptShared(result.getDiagnostics().getAvailableTokens()));
                })
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(exchanges).get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
    }

    /** Logged when it changes, not every round. */
    private void sharing(boolean now, Exception failure) {
        if (shared && !now) {
            log.warn("Rate limits are counted per instance until Redis answers again: {}", failure.toString());
        } else if (!shared && now) {
            log.info("Rate limits are shared through Redis again");
        }
        shared = now;
    }

    /** Connects on first use and after a failed connect; Lettuce reconnects by itself after that. */
    private AsyncProxyManager<String> proxies() {
        if (proxies == null) {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            proxies = Bucket4jLettuce.casBasedBuilder(connection)
                    .clientClock(new ClockTimeMeter(clock))
                    .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL))
                    .build()
                    .asAsync();
        }
        return proxies;
    }

    @Override
    public void destroy() throws InterruptedException {
        rounds.shutdownNow();
        rounds.awaitTermination(5, TimeUnit.SECONDS);
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
