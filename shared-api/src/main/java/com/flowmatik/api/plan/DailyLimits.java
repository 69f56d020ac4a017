package com.flowmatik.api.plan;

/**
 * How much AI a plan allows per UTC day. A {@code null} limit is unlimited.
 *
 * @param requestsPerDay requests that may start in one day
 * @param tokensPerDay tokens (prompt and completion) that may be used in one day
 */
public record DailyLimits(Long requestsPerDay, Long tokensPerDay) {

    public static DailyLimits unlimited() {
        return new DailyLimits(null, null);
    }
}
