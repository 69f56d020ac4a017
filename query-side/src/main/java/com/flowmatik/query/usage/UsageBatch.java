package com.flowmatik.query.usage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The {@code daily_usage} and {@code ai_request_log} rows one batch of events changes, folded in
 * memory: when the batch commits, the rows it touches are read with one query per table, take in
 * its events in the order they came, and are written with one JDBC batch per statement. Row by row
 * (a look-up and a save per event) the projection fell tens of seconds behind the chat benchmark
 * with its workers mostly waiting for the database, not working.
 *
 * <p>A day's row takes an event in once ({@link DailyUsageRow#takesIn}). A request's row needs no
 * such check: its start is inserted only when the request has no row yet, and every later event
 * sets its fields rather than adding to them.
 */
final class UsageBatch {

    private final Map<DailyUsageRow.Key, List<Consumer<DailyUsageRow>>> days = new LinkedHashMap<>();
    private final Map<String, List<UnaryOperator<AiRequestRow>>> requests = new LinkedHashMap<>();

    /** An event changes a user's use of a model on a day; applied in order when the batch is written. */
    void day(DailyUsageRow.Key key, Consumer<DailyUsageRow> change) {
        days.computeIfAbsent(key, any -> new ArrayList<>()).add(change);
    }

    /** A request starts: its row, unless it has one already (its start delivered again). */
    void start(AiRequestRow row) {
        requests.computeIfAbsent(row.getId(), any -> new ArrayList<>()).add(stored -> stored != null ? stored : row);
    }

    /** An event changes a request's row, if it has one. */
    void request(String requestId, Consumer<AiRequestRow> change) {
        requests.computeIfAbsent(requestId, any -> new ArrayList<>()).add(stored -> {
            if (stored != null) {
                change.accept(stored);
            }
            return stored;
        });
    }

    /** Reads the rows touched, applies the changes and writes them. */
    void writeTo(JdbcUsageRows rows) {
        if (!days.isEmpty()) {
            Map<DailyUsageRow.Key, DailyUsageRow> stored = rows.findDays(days.keySet());
            List<DailyUsageRow> changed = new ArrayList<>(days.size());
            days.forEach((key, changes) -> {
                DailyUsageRow row = stored.getOrDefault(key, new DailyUsageRow(key.userId(), key.day(), key.model()));
                changes.forEach(change -> change.accept(row));
                changed.add(row);
            });
            rows.saveDays(changed);
        }
        if (!requests.isEmpty()) {
            Map<String, AiRequestRow> stored = rows.findRequests(requests.keySet());
            List<AiRequestRow> changed = new ArrayList<>(requests.size());
            requests.forEach((id, changes) -> {
                AiRequestRow row = stored.get(id);
                for (UnaryOperator<AiRequestRow> change : changes) {
                    row = change.apply(row);
                }
                if (row != null) {
                    changed.add(row);
                }
            });
            rows.saveRequests(changed);
        }
    }
}
