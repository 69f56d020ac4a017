/**
 * Requests per minute, per signed-in user and per client address, with a stricter budget per address
 * for signing up, signing in and password resets. Token buckets (Bucket4j) live in this process in
 * the embedded mode and in Redis in the mysql and axonserver modes, so that every instance of a
 * deployment counts against the same budget.
 */
package com.flowmatik.app.ratelimit;
