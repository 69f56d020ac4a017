package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record that a provider call failed or was cancelled; the usage it reported before failing (zero
 * when none) is still charged, nothing more.
 */
public record FailAiRequest(
        UserId userId,
        String requestId,
        String model,
        String reason,
        long promptTokens,
        long completionTokens,
        long costMicros,
        Instant failedAt) {

    @TargetAggregateIdentifier
    public String usageAccountId() {
        return UsageAccountIds.of(userId);
    }
}
