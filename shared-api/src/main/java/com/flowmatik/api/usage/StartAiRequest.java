package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask to start an AI request before any provider is called. Answers a {@link QuotaDecision}: the
 * request counts against today's limits, or it is refused (and the refusal recorded).
 * A user without a usage account yet is on the free plan.
 */
public record StartAiRequest(
        UserId userId, String requestId, String parentRequestId, RequestKind kind, String model, Instant startedAt) {

    @TargetAggregateIdentifier
    public String usageAccountId() {
        return UsageAccountIds.of(userId);
    }
}
