package com.flowmatik.query.admin;

import java.time.LocalDate;

/**
 * One {@code admin_user_day} row while a batch is folded into it: what one user did on one UTC
 * day, and the last event number it took in from each of the user's aggregates ({@link CountedFrom}).
 */
final class DayCounters {

    final String userId;
    final LocalDate date;
    /** Whether the row is in the table already: updated then, inserted otherwise. */
    final boolean stored;

    boolean registered;
    long requests;
    long tokens;
    long aiCostMicros;
    long quotaRefusals;
    long failedPayments;
    long lastUsageSequence = -1;
    long lastSubscriptionSequence = -1;

    DayCounters(String userId, LocalDate date, boolean stored) {
        this.userId = userId;
        this.date = date;
        this.stored = stored;
    }

    UserDayRow.Key key() {
        return new UserDayRow.Key(userId, date);
    }

    /** Takes in event number {@code sequence} of the user's aggregate when it is new to this row. */
    boolean takesIn(CountedFrom from, long sequence) {
        long last = from == CountedFrom.USAGE_ACCOUNT ? lastUsageSequence : lastSubscriptionSequence;
        if (sequence <= last) {
            return false;
        }
        if (from == CountedFrom.USAGE_ACCOUNT) {
            lastUsageSequence = sequence;
        } else {
            lastSubscriptionSequence = sequence;
        }
        return true;
    }

    void register() {
        registered = true;
    }

    void countRequest() {
        requests++;
    }

    void uncountRequest() {
        requests--;
    }

    void charge(long tokens, long costMicros) {
        this.tokens += tokens;
        this.aiCostMicros += costMicros;
    }

    void countQuotaRefusal() {
        quotaRefusals++;
    }

    void countFailedPayment() {
        failedPayments++;
    }
}
