package com.flowmatik.app.security;

import java.time.Instant;

/**
 * Tokens signed out before they expire, by {@code jti}. An entry needs to live only until the token
 * would have expired anyway. Asking is a lookup in this process's memory, never a round trip:
 * every token check of every request asks.
 */
public interface TokenDenylist {

    void revoke(String tokenId, Instant expiresAt);

    boolean isRevoked(String tokenId);
}
