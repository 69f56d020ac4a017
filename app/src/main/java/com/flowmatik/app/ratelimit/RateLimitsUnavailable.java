package com.flowmatik.app.ratelimit;

/**
 * The bucket store cannot be reached. Requests are then refused with 503 rather than let through
 * unlimited: the limits guard sign-in against password guessing, which must not stop when Redis does.
 */
class RateLimitsUnavailable extends RuntimeException {

    RateLimitsUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
