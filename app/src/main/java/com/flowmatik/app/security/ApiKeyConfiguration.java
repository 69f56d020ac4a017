package com.flowmatik.app.security;

import com.flowmatik.app.startup.SettingRefused;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The secret API keys are hashed under ({@code FLOWMATIK_API_KEY_SECRET}). Production refuses to
 * start without one of at least 256 bits: a secret derived from the token key would change, and stop
 * every key, whenever the token key is rotated. Elsewhere it is derived from the token key, so a
 * newcomer starts with no setup.
 */
@Configuration(proxyBeanMethods = false)
class ApiKeyConfiguration {

    static final String SETTING = "FLOWMATIK_API_KEY_SECRET";
    private static final int MIN_BYTES = 32;
    private static final String ACTION = "Set FLOWMATIK_API_KEY_SECRET to at least 32 random bytes, e.g."
            + " FLOWMATIK_API_KEY_SECRET=$(openssl rand -base64 48); changing it later stops every API key.";

    @Bean
    ApiKeys apiKeys(
            @Value("${flowmatik.api-keys.secret:}") String secret,
            JwtProperties jwt,
            @Value("${flowmatik.environment}") String environment,
            @Value("${FLOWMATIK_DATA_DIR:./data}") String dataDir) {
        return new ApiKeys(secret(
                secret,
                "production".equalsIgnoreCase(environment),
                () -> TokenConfiguration.keyBytes(jwt.secret(), environment, Path.of(dataDir))));
    }

    static byte[] secret(String configured, boolean production, java.util.function.Supplier<byte[]> tokenKey) {
        if (configured == null || configured.isBlank()) {
            if (production) {
                throw new SettingRefused(SETTING, "is not set: production hashes API keys with it", ACTION);
            }
            // a key of its own for API keys, not the token key itself
            return new ApiKeys(tokenKey.get()).hash("flowmatik api keys").getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = configured.strip().getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            Arrays.fill(bytes, (byte) 0);
            throw new SettingRefused(
                    SETTING,
                    "is " + bytes.length * 8 + " bits long: API keys need a secret of at"
                            + " least 256 bits (32 bytes)",
                    ACTION);
        }
        return bytes;
    }
}
