package com.flowmatik.api.usage;

import java.time.Instant;

/**
 * The answer to {@link StartAiRequest}. When refused: which limit, its value, what is used, and
 * when the day resets (the next UTC midnight).
 */
public record QuotaDecision(boolean allowed, QuotaLimit limit, Long limitValue, long used, Instant resetsAt) {

    public static QuotaDecision allow() {
        return new QuotaDecision(true, null, null, 0, null);
    }

    public static QuotaDecision refuse(QuotaLimit limit, long limitValue, long used, Instant resetsAt) {
        return new QuotaDecision(false, limit, limitValue, used, resetsAt);
    }
}
