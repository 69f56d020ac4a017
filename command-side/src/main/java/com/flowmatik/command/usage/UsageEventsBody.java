package com.flowmatik.command.usage;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/usage/events}: 1 to {@value UsageIngest#MAX_BATCH} usage events. The fields of an
 * event are loosely typed on purpose: one malformed event is rejected with its reason, it does not
 * fail the batch.
 */
record UsageEventsBody(
        @NotNull @Size(min = 1, max = UsageIngest.MAX_BATCH) List<Event> events) {

    /**
     * @param id the caller's idempotency key, 1 to 128 characters
     * @param occurredAt an ISO-8601 instant; when absent, the time the batch arrived
     * @param metadata the caller's own labels: part of what makes a retry the same event, not stored
     */
    record Event(
            String id,
            String model,
            Long promptTokens,
            Long completionTokens,
            String occurredAt,
            Map<String, Object> metadata) {}
}
