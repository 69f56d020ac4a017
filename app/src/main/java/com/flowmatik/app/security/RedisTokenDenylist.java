package com.flowmatik.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/** The shared denylist: one Redis key per signed-out token, expiring with the token. */
@Component
@Profile("mysql")
class RedisTokenDenylist implements TokenDenylist {

    static final String PREFIX = "flowmatik:revoked-token:";

    private final StringRedisTemplate redis;
    private final Clock clock;

    RedisTokenDenylist(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        Duration remaining = Duration.between(clock.instant(), expiresAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.opsForValue().set(PREFIX + tokenId, "1", remaining);
        }
    }

    @Override
    public boolean isRevoked(String tokenId) {
        return Boolean.TRUE.equals(redis.hasKey(PREFIX + tokenId));
    }
}
