package com.flowmatik.query;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Idempotency by an aggregate's own sequence: a row remembers the sequence number of the last
 * event of its aggregate it took in. An aggregate's events are numbered 0, 1, 2… in the order they
 * happened and a processor hands them over in that order, so one at or before the remembered number
 * was taken in already: it is being delivered again (a retried batch) and changes nothing.
 *
 * <p>Not the stream's global position: an event that fills a gap arrives live with the position of
 * the stream's furthest event and on replay with its own, so live and replayed rows would differ.
 * The sequence number is stored with the event and reads the same on every delivery.
 */
@Embeddable
public class EventSequence {

    @Column(name = "last_event_sequence", nullable = false)
    private long lastEventSequence = -1;

    public EventSequence() {}

    /** A row's sequence as stored: {@code last} is the number of the last event it took in. */
    public EventSequence(long last) {
        this.lastEventSequence = last;
    }

    /** The number of the last event taken in, -1 before any. */
    public long last() {
        return lastEventSequence;
    }

    /** Takes in the aggregate's event number {@code sequence} when it is new to the row, answering whether it was. */
    public boolean takesIn(long sequence) {
        if (sequence <= lastEventSequence) {
            return false;
        }
        lastEventSequence = sequence;
        return true;
    }
}
