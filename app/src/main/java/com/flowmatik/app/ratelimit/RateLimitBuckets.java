package com.flowmatik.app.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/** Where a request's tokens are taken from: this process's buckets, shared in the background. */
interface RateLimitBuckets {

    /** Takes one token from the subject's bucket of the limit, creating a full bucket on first use. */
    ConsumptionProbe tryConsume(Limit limit, String subject);
}
