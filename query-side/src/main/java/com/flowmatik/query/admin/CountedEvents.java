package com.flowmatik.query.admin;

import org.springframework.data.jpa.repository.JpaRepository;

interface CountedEvents extends JpaRepository<CountedEventRow, String> {

    /** Records the event as counted; {@code false} when it already was. */
    default boolean firstTime(String eventId) {
        if (existsById(eventId)) {
            return false;
        }
        save(new CountedEventRow(eventId));
        return true;
    }
}
