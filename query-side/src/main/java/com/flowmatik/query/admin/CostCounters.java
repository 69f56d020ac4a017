package com.flowmatik.query.admin;

/**
 * One {@code admin_user_cost} row while a batch is folded into it: what the user's AI use has cost
 * since they began, and the last event number of their usage account it took in.
 */
final class CostCounters {

    final String userId;
    /** Whether the row is in the table already: updated then, inserted otherwise. */
    final boolean stored;

    long costMicros;
    long lastUsageSequence = -1;

    CostCounters(String userId, boolean stored) {
        this.userId = userId;
        this.stored = stored;
    }

    /** Adds the cost of usage-account event number {@code sequence} when it is new to this row. */
    boolean add(long sequence, long micros) {
        if (sequence <= lastUsageSequence) {
            return false;
        }
        lastUsageSequence = sequence;
        costMicros += micros;
        return true;
    }
}
