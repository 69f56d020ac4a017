package com.flowmatik.app.live;

import java.time.Instant;
import java.util.Map;

/**
 * A message for a user, as {@code /ws} sends it: {@code {"type":"notification", kind, title,
 * message, data, at}}. {@code at} is when the thing it tells of happened.
 *
 * @param kind {@code quota-warning}, {@code quota-reached}, {@code subscription} or {@code broadcast}
 * @param data the facts behind the message, for clients that show more than the text
 */
record Notification(String type, String kind, String title, String message, Map<String, Object> data, Instant at) {

    static final String QUOTA_WARNING = "quota-warning";
    static final String QUOTA_REACHED = "quota-reached";
    static final String SUBSCRIPTION = "subscription";
    static final String BROADCAST = "broadcast";

    Notification {
        data = data == null ? Map.of() : data;
    }

    static Notification of(String kind, String title, String message, Map<String, Object> data, Instant at) {
        return new Notification("notification", kind, title, message, data, at);
    }
}
