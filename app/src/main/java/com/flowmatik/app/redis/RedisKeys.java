package com.flowmatik.app.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one prefix of every Redis key and channel the platform uses ({@code FLOWMATIK_REDIS_PREFIX},
 * {@code flowmatik:} by default): rate-limit counts, query caches and the broadcast channel, so
 * that deployments or test runs sharing one Redis keep apart and can delete exactly their own keys.
 *
 * @param prefix what every key starts with
 */
@ConfigurationProperties("flowmatik.redis")
public record RedisKeys(String prefix) {

    static final String DEFAULT_PREFIX = "flowmatik:";

    public RedisKeys {
        prefix = prefix == null || prefix.isBlank() ? DEFAULT_PREFIX : prefix;
    }

    /** The full name of one of the platform's keys or channels, e.g. {@code key("rate:")}. */
    public String key(String name) {
        return prefix + name;
    }
}
