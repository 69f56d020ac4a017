package com.flowmatik.api.usage;

import java.time.Instant;

/**
 * One usage event of a {@link RecordUsage} batch.
 *
 * @param eventId the caller's idempotency key
 * @param bodyHash the fingerprint of what the caller sent under that key, so a later request with the
 *     same key and another body is told apart from a retry
 * @param requestId the platform's id for this usage, as for its own requests
 * @param costMicros the price of the tokens from the model table when the batch arrived
 * @param occurredAt when the usage happened, as the caller says (or when it arrived)
 */
public record UsageToRecord(
        String eventId,
        String bodyHash,
        String requestId,
        String model,
        long promptTokens,
        long completionTokens,
        long costMicros,
        Instant occurredAt) {}
