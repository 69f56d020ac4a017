package com.flowmatik.query.admin;

/**
 * The aggregate a counted event comes from. Each numbers its events 0, 1, 2… in the order they
 * happened, and a user has one of each, so a counter row remembers the last number it took in from
 * each: an event at or before it is a redelivery and adds nothing.
 */
enum CountedFrom {
    /** {@code AiRequestStarted}, {@code AiRequestNotServed}, {@code TokensCharged}, {@code DailyQuotaExceeded}. */
    USAGE_ACCOUNT,
    /** {@code PaymentFailed}. */
    SUBSCRIPTION
}
