package com.flowmatik.query.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Idempotency by position: a row remembers the position (global index) of the last event it took in.
 * One user's usage events reach a row in the order of the stream (they come from one aggregate,
 * whose appends are ordered, and are handled in one sequence), so an event at or before that
 * position was taken in already: it is being delivered again and changes nothing.
 */
@Embeddable
class EventPositions {

    /** No position: an event handled outside a tracked stream, always taken in. */
    static final long UNTRACKED = Long.MIN_VALUE;

    @Column(name = "last_event_index", nullable = false)
    private long lastEventIndex = -1;

    static long of(TrackingToken token) {
        return token == null ? UNTRACKED : token.position().orElse(UNTRACKED);
    }

    /** Takes in the event at {@code position} when it is new to the row, answering whether it was. */
    boolean takesIn(long position) {
        if (position == UNTRACKED) {
            return true;
        }
        if (position <= lastEventIndex) {
            return false;
        }
        lastEventIndex = position;
        return true;
    }
}
