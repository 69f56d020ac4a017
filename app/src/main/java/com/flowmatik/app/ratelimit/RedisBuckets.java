package com.flowmatik.app.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The shared buckets of the mysql and axonserver modes: one Redis key per bucket under
 * {@link RateLimitProperties#keyPrefix()}, updated by compare-and-swap so that instances never
 * overwrite each other's counts, and expiring once the bucket would be full again.
 *
 * <p>The connection is opened on first use, so that the app starts (and its health endpoint tells
 * why) while Redis is down. Commands are rejected at once while disconnected, and a command waits
 * {@code spring.data.redis.timeout} at most (2 s unless set, not Lettuce's 60 s): a limit check
 * sits in front of every request and must not hold a server thread for a minute.
 */
@Component
@Profile("mysql")
class RedisBuckets implements RateLimitBuckets, DisposableBean {

    /** Slack for the clocks of instances that disagree a little on when a bucket is full. */
    private static final Duration KEEP_AFTER_REFILL = Duration.ofSeconds(10);

    private final RedisClient client;
    private final String keyPrefix;
    private final Clock clock;
    private StatefulRedisConnection<String, byte[]> connection;
    private ProxyManager<String> proxies;

    RedisBuckets(
            @Value("${spring.data.redis.url}") String url,
            @Value("${spring.data.redis.timeout:2s}") Duration timeout,
            RateLimitProperties properties,
            Clock clock) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .build());
        this.keyPrefix = properties.keyPrefix();
        this.clock = clock;
    }

    @Override
    public ConsumptionProbe tryConsume(Limit limit, String subject) {
        try {
            return proxies().getProxy(keyPrefix + limit.key(subject), limit::configuration)
                    .tryConsumeAndReturnRemaining(1);
        } catch (RedisException failure) {
            throw new RateLimitsUnavailable("Redis did not answer: " + failure.getMessage(), failure);
        }
    }

    /** Connects on first use and after a failed first connect; Lettuce reconnects by itself after that. */
    private synchronized ProxyManager<String> proxies() {
        if (proxies == null) {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            ExpirationAfterWriteStrategy expiry =
                    ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_REFILL);
            proxies = Bucket4jLettuce.casBasedBuilder(connection)
                    .clientClock(new ClockTimeMeter(clock))
                    .expirationAfterWrite(expiry)
                    .build();
        }
        return proxies;
    }

    @Override
    public synchronized void destroy() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
