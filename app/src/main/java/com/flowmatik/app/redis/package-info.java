/**
 * Redis as the mysql and axonserver modes use it: a shared cache and a channel between instances,
 * never something a request waits for or a correct answer depends on. One key prefix for all of it.
 */
package com.flowmatik.app.redis;
