package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A provider answered an AI request, with the token counts it reported (or estimated ones). */
@Revision("1")
public record AiRequestCompleted(
        UserId userId,
        String requestId,
        String model,
        long promptTokens,
        long completionTokens,
        long reasoningTokens,
        boolean estimated,
        Instant completedAt) {}
