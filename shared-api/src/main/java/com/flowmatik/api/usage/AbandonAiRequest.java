package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Close a request that has had no outcome for too long (its instance died mid-call): it failed as
 * {@code abandoned}, nothing was reported for it, so it gives its place in the day's limit back. A
 * request that has an outcome by now is left as it is.
 */
public record AbandonAiRequest(UserId userId, String requestId, String model, Instant startedAt, Instant abandonedAt) {

    @TargetAggregateIdentifier
    public String usageAccountId() {
        return UsageAccountIds.of(userId);
    }
}
