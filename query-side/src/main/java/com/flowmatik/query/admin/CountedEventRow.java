package com.flowmatik.query.admin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event already added to a counter, by its identifier: delivered again, it is not counted again. */
@Entity
@Table(name = "admin_counted_event")
class CountedEventRow {

    @Id
    @Column(name = "event_id", length = 255)
    private String eventId;

    protected CountedEventRow() {}

    CountedEventRow(String eventId) {
        this.eventId = eventId;
    }
}
