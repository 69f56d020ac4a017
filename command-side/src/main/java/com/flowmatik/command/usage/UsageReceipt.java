package com.flowmatik.command.usage;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one usage event: {@code accepted} (recorded now), {@code duplicate} (recorded
 * before under that id: the original's request, cost and quota mark) or {@code rejected} with a
 * {@code reason}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record UsageReceipt(String id, String status, String requestId, Long costMicros, Boolean overQuota, String reason) {

    static final String ACCEPTED = "accepted";
    static final String DUPLICATE = "duplicate";
    static final String REJECTED = "rejected";

    static UsageReceipt accepted(String id, String requestId, long costMicros, boolean overQuota) {
        return new UsageReceipt(id, ACCEPTED, requestId, costMicros, overQuota, null);
    }

    static UsageReceipt rejected(String id, String reason) {
        return new UsageReceipt(id, REJECTED, null, null, null, reason);
    }

    /** This receipt, given again for a later event with the same id and body. */
    UsageReceipt asDuplicate() {
        return new UsageReceipt(id, DUPLICATE, requestId, costMicros, overQuota, null);
    }
}
