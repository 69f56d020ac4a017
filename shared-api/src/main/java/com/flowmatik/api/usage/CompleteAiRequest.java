package com.flowmatik.api.usage;

import com.flowmatik.api.identity.UserId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record what a provider answered: its own token counts (or counted with a tokenizer and marked
 * estimated when it reported none) and the cost from the model's price table.
 */
public record CompleteAiRequest(
        UserId userId,
        String requestId,
        String model,
        long promptTokens,
        long completionTokens,
        long reasoningTokens,
        boolean estimated,
        long costMicros,
        Instant completedAt) {

    @TargetAggregateIdentifier
    public String usageAccountId() {
        return UsageAccountIds.of(userId);
    }
}
