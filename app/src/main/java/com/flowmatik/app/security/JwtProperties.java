package com.flowmatik.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token settings.
 *
 * @param secret the HMAC key ({@code JWT_SECRET}), at least 32 bytes (256 bits); required in production
 * @param expiresIn how long a token lives ({@code JWT_EXPIRES_IN}: {@code 7d}, {@code 12h}, {@code 30m})
 * @param clockSkew how much clock difference a token's times tolerate
 */
@ConfigurationProperties("flowmatik.jwt")
public record JwtProperties(String secret, Duration expiresIn, Duration clockSkew) {

    public JwtProperties {
        expiresIn = expiresIn == null ? Duration.ofDays(7) : expiresIn;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        if (expiresIn.isNegative() || expiresIn.isZero()) {
            throw new IllegalArgumentException("JWT_EXPIRES_IN must be positive, e.g. 7d, 12h or 30m");
        }
    }
}
