package com.flowmatik.app.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The embedded mode's denylist: a map in this process, pruned of entries whose tokens expired.
 * A restart forgets it, which the embedded mode (one process, a laptop) accepts.
 */
@Component
@Profile("!mysql")
class InProcessTokenDenylist implements TokenDenylist {

    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
    private final Clock clock;

    InProcessTokenDenylist(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void revoke(String tokenId, Instant expiresAt) {
        Instant now = clock.instant();
        revoked.values().removeIf(expiry -> expiry.isBefore(now));
        revoked.put(tokenId, expiresAt);
    }

    @Override
    public boolean isRevoked(String tokenId) {
        Instant expiry = revoked.get(tokenId);
        return expiry != null && expiry.isAfter(clock.instant());
    }
}
