package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An AI request passed the quota check and counts against the user's requests of its UTC day. */
@Revision("1")
public record AiRequestStarted(
        UserId userId, String requestId, String parentRequestId, RequestKind kind, String model, Instant startedAt) {}
