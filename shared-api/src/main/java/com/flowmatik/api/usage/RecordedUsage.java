package com.flowmatik.api.usage;

import java.time.Instant;

/**
 * One item of {@link UsageRecorded}: the facts of {@link UsageToRecord} and whether the user's day was
 * already over a limit when it was counted ({@code overQuota}: it is recorded all the same, since it
 * happened, and the platform's own requests are refused from then on).
 */
public record RecordedUsage(
        String eventId,
        String bodyHash,
        String requestId,
        String model,
        long promptTokens,
        long completionTokens,
        long costMicros,
        Instant occurredAt,
        boolean overQuota) {

    public long tokens() {
        return promptTokens + completionTokens;
    }
}
