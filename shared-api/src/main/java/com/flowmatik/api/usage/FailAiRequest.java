package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a provider call failed or was cancelled; the usage it reported before failing (zero
 * when none) is still charged, nothing more. {@code served} says whether the provider served the
 * call at all; one it never served gives back its place in the day's request limit.
 */
public record FailAiRequest(
        UserId userId,
        String requestId,
        String model,
        String reason,
        long promptTokens,
        long completionTokens,
        long costMicros,
        boolean served,
        Instant startedAt,
        Instant failedAt) {

    @TargetAggregateIdentifier
    public String usageAccountId() {
        return UsageAccountIds.of(userId);
    }
}
