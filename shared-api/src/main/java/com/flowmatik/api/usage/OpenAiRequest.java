package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;

/** A request with no outcome yet, as the usage read model has it. */
public record OpenAiRequest(UserId userId, String requestId, String model, Instant startedAt) {}
