package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A provider call failed or was cancelled; {@code reason} says how, without provider secrets. */
@Revision("1")
public record AiRequestFailed(UserId userId, String requestId, String model, String reason, Instant failedAt) {}
