package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Tokens of one request were charged: they count against the day's token limit, and the cost in
 * micro-dollars comes from the model's price table at the time.
 */
@Revision("1")
public record TokensCharged(
        UserId userId,
        String requestId,
        String model,
        long promptTokens,
        long completionTokens,
        long costMicros,
        boolean estimated,
        Instant chargedAt) {}
