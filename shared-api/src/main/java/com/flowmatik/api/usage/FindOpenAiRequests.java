package com.flowmatik.api.usage;

import java.time.Instant;

/** The requests started before {@code startedBefore} that have no outcome yet, oldest first, at most {@code limit}. */
public record FindOpenAiRequests(Instant startedBefore, int limit) {}
