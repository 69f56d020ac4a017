/**
 * Requests per minute, per signed-in user and per client address, with a stricter budget per address
 * for signing up, signing in and password resets. Token buckets (Bucket4j) live in this process, so
 * a check never waits for Redis; in the mysql and axonserver modes they are shared through Redis in
 * the background, so that every instance of a deployment counts against the same budget.
 */
package com.flowmatik.app.ratelimit;
