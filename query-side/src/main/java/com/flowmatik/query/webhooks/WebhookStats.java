package com.flowmatik.query.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every delivery counted: in all, by status (every status named, zero included), and by provider,
 * event type and status; with the most recent processing error, or {@code null} when none failed; and
 * the deliveries failed now, the most recently failed first (at most {@link #FAILED_LISTED}).
 */
record WebhookStats(
        long total,
        Map<String, Long> byStatus,
        List<ProviderCount> byProvider,
        LastError lastError,
        List<FailedDelivery> failed) {

    static final int FAILED_LISTED = 50;

    /** Deliveries of one provider and event type in one status, in wire names. */
    record ProviderCount(String provider, String eventType, String status, long count) {}

    /** The most recent failure of any delivery, even one that a retry then processed. */
    record LastError(String deliveryId, String error, Instant at) {}

    /** A delivery whose processing failed and was not retried with success: what failed, how often, and why. */
    record FailedDelivery(
            String deliveryId, String provider, String eventType, int attempts, String error, Instant failedAt) {}
}
