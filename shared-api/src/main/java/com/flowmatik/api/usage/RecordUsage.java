package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ask to record a batch of usage that happened outside the platform (the caller's own AI calls),
 * already validated, deduplicated against earlier receipts and priced from the model table. The
 * usage account records every item, also over the plan's limit, and answers the {@link RecordedUsage}
 * of each, in order. A user without a usage account yet is on the free plan.
 */
public record RecordUsage(UserId userId, List<UsageToRecord> items, Instant recordedAt) {

    @TargetAggregateIdentifier
    public String usageAccountId() {
        return UsageAccountIds.of(userId);
    }
}
