package com.flowmatik.app.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many requests a minute each client may send.
 *
 * @param userPerMinute one signed-in user, whatever address they call from ({@code RATE_LIMIT_USER_PER_MINUTE})
 * @param ipPerMinute one client address, all users behind it together ({@code RATE_LIMIT_IP_PER_MINUTE})
 * @param authPerMinute one client address on sign-up, sign-in and password reset, which guess
 *     passwords and send mail ({@code RATE_LIMIT_AUTH_PER_MINUTE})
 * @param syncInterval how often an instance shares its counts with the others through Redis
 *     ({@code RATE_LIMIT_SYNC_INTERVAL}, 200 ms unless set): the most time during which instances
 *     count without hearing of each other
 */
@ConfigurationProperties("flowmatik.rate-limit")
public record RateLimitProperties(int userPerMinute, int ipPerMinute, int authPerMinute, Duration syncInterval) {

    static final Duration DEFAULT_SYNC_INTERVAL = Duration.ofMillis(200);

    public RateLimitProperties {
        requirePositive(userPerMinute, "RATE_LIMIT_USER_PER_MINUTE");
        requirePositive(ipPerMinute, "RATE_LIMIT_IP_PER_MINUTE");
        requirePositive(authPerMinute, "RATE_LIMIT_AUTH_PER_MINUTE");
        syncInterval = syncInterval == null ? DEFAULT_SYNC_INTERVAL : syncInterval;
        if (syncInterval.isNegative() || syncInterval.isZero()) {
            throw new IllegalArgumentException("RATE_LIMIT_SYNC_INTERVAL must be positive, e.g. 200ms");
        }
    }

    Limit user() {
        return new Limit("user", userPerMinute, "requests for this account");
    }

    Limit ip() {
        return new Limit("ip", ipPerMinute, "requests from this address");
    }

    Limit auth() {
        return new Limit("auth", authPerMinute, "sign-up, sign-in and password reset requests from this address");
    }

    private static void requirePositive(int value, String variable) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    variable + " must be a positive number of requests per minute, got " + value);
        }
    }
}
