/**
 * The chat benchmark: a command, not a test (no class here ends in {@code Test} or {@code IT}, so
 * surefire never runs it). {@link com.flowmatik.app.bench.ChatBenchmark} starts the platform
 * against the OpenAI stand-in, drives metered chat requests from many users and prints throughput,
 * latency and how long the usage read model takes to catch up. Run it with the {@code benchmark}
 * Maven profile of the app module (see the README).
 */
package com.flowmatik.app.bench;
