package com.flowmatik.app.security;

import java.security.SecureRandom;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The token key. Production ({@code FLOWMATIK_ENV=production}) refuses to start without a
 * {@code JWT_SECRET} of at least 256 bits; elsewhere a missing secret is replaced by a random key
 * for this run only, with a warning, so a newcomer can start with no setup.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    static final int MIN_KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);

    @Bean
    JwtTokens jwtTokens(JwtProperties properties, Clock clock, @Value("${flowmatik.environment}") String environment) {
        return new JwtTokens(keyBytes(properties.secret(), environment), properties, clock);
    }

    static byte[] keyBytes(String secret, String environment) {
        if (secret == null || secret.isBlank()) {
            if ("production".equalsIgnoreCase(environment)) {
                throw new IllegalStateException(
                        "JWT_SECRET is not set: production needs a secret of at least 256 bits (32 bytes)");
            }
            log.warn("JWT_SECRET is not set: using a random key for this run; tokens will not survive a restart");
            byte[] random = new byte[64];
            new SecureRandom().nextBytes(random);
            return random;
        }
        byte[] bytes = JwtTokens.keyBytes(secret);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("JWT_SECRET is " + bytes.length * 8
                    + " bits long: it must be at least 256 bits (32 bytes)");
        }
        return bytes;
    }
}
