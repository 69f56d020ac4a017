package com.flowmatik.command.usage;

import com.flowmatik.api.identity.UserId;
import com.flowmatik.api.usage.RecordedUsage;
import com.flowmatik.api.usage.UsageRecorded;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The receipt of every usage event ever accepted, keyed by user and the caller's id, with no
 * window. Written by the {@value #GROUP} processing group, a subscribing processor that propagates
 * errors: the receipts of a {@link UsageRecorded} are inserted in the transaction that appends it,
 * so an id is claimed exactly when its usage is recorded. Two batches racing with one id cannot both
 * commit: the second insert hits the key, its whole transaction (event included) rolls back with
 * {@link ReceiptClaimLost}, and the batch is run again to find the id taken.
 *
 * <p>The key is the SHA-256 of the id rather than the id: exact bytes whatever the column's collation
 * (MariaDB's default one would take {@code abc} and {@code ABC} for one id), in a fixed 32 bytes.
 */
@Component
@ProcessingGroup(UsageReceipts.GROUP)
class UsageReceipts {

    static final String GROUP = "usage-receipts";

    private static final String INSERT = "INSERT INTO usage_receipt (user_id, id_hash, event_id, body_hash, request_id,"
            + " cost_micros, over_quota, recorded_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT event_id, body_hash, request_id, cost_micros, over_quota"
            + " FROM usage_receipt WHERE user_id = :user AND id_hash IN (:ids)";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    UsageReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** An accepted event's receipt, and the fingerprint of the body it was accepted with. */
    record Stored(UsageReceipt receipt, String bodyHash) {}

    /** The stored receipts among these ids of the user, by id. */
    Map<String, Stored> find(UserId user, Collection<String> eventIds) {
        Map<String, Stored> found = new HashMap<>();
        if (eventIds.isEmpty()) {
            return found;
        }
        List<byte[]> keys = eventIds.stream().map(UsageReceipts::key).toList();
        named.query(SELECT, Map.of("user", user.value(), "ids", keys), row -> {
            String eventId = row.getString("event_id");
            found.put(
                    eventId,
                    new Stored(
                            UsageReceipt.accepted(
                                    eventId,
                                    row.getString("request_id"),
                                    row.getLong("cost_micros"),
                                    row.getBoolean("over_quota")),
                            row.getString("body_hash")));
        });
        return found;
    }

    /** The receipt of one id of the user, if it was ever accepted. */
    Optional<UsageReceipt> find(UserId user, String eventId) {
        return Optional.ofNullable(find(user, List.of(eventId)).get(eventId)).map(Stored::receipt);
    }

    /**
     * One statement for the whole batch (a thousand rows are 8,000 parameters, well under the
     * protocol's 65,535), whatever the driver does with JDBC batches.
     */
    @EventHandler
    void on(UsageRecorded event) {
        Timestamp recordedAt = Timestamp.from(event.recordedAt());
        List<Object> parameters = new ArrayList<>(event.items().size() * 8);
        for (RecordedUsage item : event.items()) {
            parameters.addAll(Arrays.asList(row(event.userId(), item, recordedAt)));
        }
        String sql =
                INSERT + String.join(", ", Collections.nCopies(event.items().size(), ROW));
        try {
            jdbc.update(sql, parameters.toArray());
        } catch (DataIntegrityViolationException taken) {
            throw new ReceiptClaimLost(taken);
        }
    }

    private static Object[] row(UserId user, RecordedUsage item, Timestamp recordedAt) {
        return new Object[] {
            user.value(),
            key(item.eventId()),
            item.eventId(),
            item.bodyHash(),
            item.requestId(),
            item.costMicros(),
            item.overQuota(),
            recordedAt
        };
    }

    private static byte[] key(String eventId) {
        return sha256(eventId);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }
}
