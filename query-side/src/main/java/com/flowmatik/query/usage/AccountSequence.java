package com.flowmatik.query.usage;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Idempotency by the usage account's own sequence: a row remembers the sequence number of the last
 * event of its user's usage account it took in. Every event a row counts comes from that one
 * account, whose events are numbered 0, 1, 2… in the order they happened and reach the row in that
 * order, so an event at or before the remembered number was taken in already: it is being delivered
 * again and changes nothing.
 *
 * <p>The stream's global position would not do: an event that fills a gap arrives live with the
 * token of the stream's furthest position, on replay with its own, so live and replayed rows would
 * remember different numbers. The sequence number is stored with the event and reads the same on
 * every delivery.
 */
@Embeddable
class AccountSequence {

    @Column(name = "last_event_sequence", nullable = false)
    private long lastEventSequence = -1;

    /** Takes in the account's event number {@code sequence} when it is new to the row, answering whether it was. */
    boolean takesIn(long sequence) {
        if (sequence <= lastEventSequence) {
            return false;
        }
        lastEventSequence = sequence;
        return true;
    }
}
