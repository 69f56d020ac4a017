package com.flowmatik.app.audit;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.webhook.WebhookProcessed;
import com.flowmatik.api.webhook.WebhookProcessingFailed;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the webhook deliveries whose outcome names a user. A delivery's aggregate id says nothing
 * about the user ({@code stripe:evt_…}), so the outcomes are looked up in the JPA event store by
 * payload type (indexed, V10) and each one is checked: first a cheap test that the user id appears
 * in the JSON at all, then the deserialized {@code userId}. The cost grows with the number of
 * webhook outcomes in the store (a few per paying user and month), not with the number of events.
 * With Axon Server as the event store this table is empty and no delivery is found.
 */
@Component
class WebhookOutcomes {

    private static final String OUTCOMES = "SELECT aggregate_identifier, payload, payload_type, payload_revision"
            + " FROM domain_event_entry WHERE payload_type IN (?, ?) ORDER BY global_index";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    WebhookOutcomes(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The ids of the deliveries with an outcome about {@code user}, in the order they were recorded. */
    Set<String> deliveriesOf(UserId user) {
        byte[] quotedId = ("\"" + user.value() + "\"").getBytes(StandardCharsets.UTF_8);
        Set<String> deliveries = new LinkedHashSet<>();
        jdbc.query(
                OUTCOMES,
                row -> {
                    byte[] payload = row.getBytes("payload");
                    if (contains(payload, quotedId)) {
                        Object outcome = serializer.deserialize(new SimpleSerializedObject<>(
                                payload,
                                byte[].class,
                                row.getString("payload_type"),
                                row.getString("payload_revision")));
                        if (user.equals(userOf(outcome))) {
                            deliveries.add(row.getString("aggregate_identifier"));
                        }
                    }
                },
                WebhookProcessed.class.getName(),
                WebhookProcessingFailed.class.getName());
        return deliveries;
    }

    static UserId userOf(Object outcome) {
        if (outcome instanceof WebhookProcessed processed) {
            return processed.userId();
        }
        if (outcome instanceof WebhookProcessingFailed failed) {
            return failed.userId();
        }
        return null;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
