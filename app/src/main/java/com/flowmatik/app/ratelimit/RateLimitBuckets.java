package com.flowmatik.app.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Where the buckets live: in this process (embedded mode) or in Redis, shared by all instances. */
interface RateLimitBuckets {

    /**
     * Takes one token from the subject's bucket of the limit, creating a full bucket on first use.
     *
     * @throws RateLimitsUnavailable when the store cannot be reached
     */
    ConsumptionProbe tryConsume(Limit limit, String subject);
}
