package com.flowmatik.app.security;

import java.time.Instant;

/**
 * Tokens signed out before they expire, by {@code jti}. An entry needs to live only until the token
 * would have expired anyway. Redis holds it in the mysql and axonserver modes, so that every
 * instance refuses the token; the embedded mode keeps it in the process.
 */
public interface TokenDenylist {

    void revoke(String tokenId, Instant expiresAt);

    boolean isRevoked(String tokenId);
}
