package com.flowmatik.command.payment.checkout;

import com.flowmatik.command.payment.LiveSubscription;
import java.time.Instant;

/**
 * A subscription as the payments API answers it: {@code {plan, status, provider, currentPeriodEnd,
 * cancelAtPeriodEnd}}.
 */
record SubscriptionAnswer(
        String plan, String status, String provider, Instant currentPeriodEnd, boolean cancelAtPeriodEnd) {

    /** The subscription once its cancellation is scheduled: it runs to the end of the period. */
    static SubscriptionAnswer cancelingAtPeriodEnd(LiveSubscription view) {
        return new SubscriptionAnswer(
                view.plan().wireName(),
                view.status() == null ? null : view.status().wireName(),
                view.provider() == null ? null : view.provider().wireName(),
                view.currentPeriodEnd(),
                true);
    }
}
