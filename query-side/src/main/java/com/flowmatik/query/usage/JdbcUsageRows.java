package com.flowmatik.query.usage;

import com.flowmatik.api.usage.RequestKind;
import com.flowmatik.query.ProcessorBatch;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code daily_usage} and {@code ai_request_log} rows a batch touches, through JDBC: one query
 * per table to read them, one JDBC batch per statement to write, in the transaction of the
 * processor's batch ({@link UsageBatch}). Only the segment that owns a user's events writes that
 * user's rows.
 */
@Repository
class JdbcUsageRows {

    private final NamedParameterJdbcTemplate jdbc;

    JdbcUsageRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored rows of these keys; a key without a row is missing from the answer. */
    Map<DailyUsageRow.Key, DailyUsageRow> findDays(Set<DailyUsageRow.Key> keys) {
        Map<DailyUsageRow.Key, DailyUsageRow> found = new HashMap<>();
        jdbc.query(
                "SELECT user_id, usage_date, model, requests, refused, prompt_tokens, completion_tokens, cost_micros,"
                        + " last_event_sequence FROM daily_usage WHERE user_id IN (:users) AND usage_date IN (:days)",
                Map.of(
                        "users",
                                keys.stream()
                                        .map(DailyUsageRow.Key::userId)
                                        .distinct()
                                        .toList(),
                        "days",
                                keys.stream()
                                        .map(key -> Date.valueOf(key.day()))
                                        .distinct()
                                        .toList()),
                (ResultSet row) -> {
                    DailyUsageRow.Key key = new DailyUsageRow.Key(
                            row.getString("user_id"), row.getDate("usage_date").toLocalDate(), row.getString("model"));
                    if (keys.contains(key)) {
                        found.put(
                                key,
                                DailyUsageRow.stored(
                                        key,
                                        row.getLong("requests"),
                                        row.getLong("refused"),
                                        row.getLong("prompt_tokens"),
                                        row.getLong("completion_tokens"),
                                        row.getLong("cost_micros"),
                                        row.getLong("last_event_sequence")));
                    }
                });
        return found;
    }

    /** Inserts the new rows and updates the stored ones. */
    void saveDays(Collection<DailyUsageRow> rows) {
        ProcessorBatch.write(
                jdbc,
                "INSERT INTO daily_usage (user_id, usage_date, model, requests, refused, prompt_tokens,"
                        + " completion_tokens, cost_micros, last_event_sequence) VALUES (:userId, :day, :model,"
                        + " :requests, :refused, :prompt, :completion, :cost, :lastSequence)",
                rows.stream()
                        .filter(row -> !row.isStored())
                        .map(JdbcUsageRows::parameters)
                        .toList());
        ProcessorBatch.write(
                jdbc,
                "UPDATE daily_usage SET requests = :requests, refused = :refused, prompt_tokens = :prompt,"
                        + " completion_tokens = :completion, cost_micros = :cost, last_event_sequence = :lastSequence"
                        + " WHERE user_id = :userId AND usage_date = :day AND model = :model",
                rows.stream()
                        .filter(DailyUsageRow::isStored)
                        .map(JdbcUsageRows::parameters)
                        .toList());
    }

    /** The stored requests of these ids; an id without a row is missing from the answer. */
    Map<String, AiRequestRow> findRequests(Set<String> ids) {
        Map<String, AiRequestRow> found = new HashMap<>();
        jdbc.query(
                "SELECT request_id, user_id, parent_request_id, kind, model, status, prompt_tokens, completion_tokens,"
                        + " reasoning_tokens, cost_micros, estimated, failure_reason, started_at, finished_at"
                        + " FROM ai_request_log WHERE request_id IN (:ids)",
                Map.of("ids", List.copyOf(ids)),
                (ResultSet row) -> {
                    AiRequestRow request = AiRequestRow.stored(
                            row.getString("request_id"),
                            row.getString("user_id"),
                            row.getString("parent_request_id"),
                            RequestKind.valueOf(row.getString("kind")),
                            row.getString("model"),
                            AiRequestRow.Status.valueOf(row.getString("status")),
                            row.getLong("prompt_tokens"),
                            row.getLong("completion_tokens"),
                            row.getLong("reasoning_tokens"),
                            row.getLong("cost_micros"),
                            row.getBoolean("estimated"),
                            row.getString("failure_reason"),
                            instant(row, "started_at"),
                            instant(row, "finished_at"));
                    found.put(request.getId(), request);
                });
        return found;
    }

    /** Inserts the new requests and updates the stored ones. */
    void saveRequests(Collection<AiRequestRow> rows) {
        ProcessorBatch.write(
                jdbc,
                "INSERT INTO ai_request_log (request_id, user_id, parent_request_id, kind, model, status, prompt_tokens,"
                        + " completion_tokens, reasoning_tokens, cost_micros, estimated, failure_reason, started_at,"
                        + " finished_at) VALUES (:id, :userId, :parentId, :kind, :model, :status, :prompt, :completion,"
                        + " :reasoning, :cost, :estimated, :failureReason, :startedAt, :finishedAt)",
                rows.stream()
                        .filter(AiRequestRow::isNew)
                        .map(JdbcUsageRows::parameters)
                        .toList());
        ProcessorBatch.write(
                jdbc,
                "UPDATE ai_request_log SET status = :status, prompt_tokens = :prompt, completion_tokens = :completion,"
                        + " reasoning_tokens = :reasoning, cost_micros = :cost, estimated = :estimated,"
                        + " failure_reason = :failureReason, finished_at = :finishedAt WHERE request_id = :id",
                rows.stream()
                        .filter(row -> !row.isNew())
                        .map(JdbcUsageRows::parameters)
                        .toList());
    }

    private static MapSqlParameterSource parameters(DailyUsageRow row) {
        return new MapSqlParameterSource()
                .addValue("userId", row.key().userId())
                .addValue("day", Date.valueOf(row.day()))
                .addValue("model", row.key().model())
                .addValue("requests", row.requests())
                .addValue("refused", row.refused())
                .addValue("prompt", row.promptTokens())
                .addValue("completion", row.completionTokens())
                .addValue("cost", row.costMicros())
                .addValue("lastSequence", row.lastSequence());
    }

    /**
     * A row's parameters; the ones that may be null carry their SQL type. Spring asks the driver for
     * the type of an untyped null, and MariaDB's driver answers with an exception: 8,000 of them a
     * minute under the chat benchmark, each with its stack trace.
     */
    private static MapSqlParameterSource parameters(AiRequestRow row) {
        return new MapSqlParameterSource()
                .addValue("id", row.getId())
                .addValue("userId", row.userId())
                .addValue("parentId", row.parentRequestId(), Types.VARCHAR)
                .addValue("kind", row.kind().name())
                .addValue("model", row.model())
                .addValue("status", row.status().name())
                .addValue("prompt", row.promptTokens())
                .addValue("completion", row.completionTokens())
                .addValue("reasoning", row.reasoningTokens())
                .addValue("cost", row.costMicros())
                .addValue("estimated", row.estimated())
                .addValue("failureReason", row.failureReason(), Types.VARCHAR)
                .addValue("startedAt", Timestamp.from(row.startedAt()))
                .addValue(
                        "finishedAt",
                        row.finishedAt() == null ? null : Timestamp.from(row.finishedAt()),
                        Types.TIMESTAMP);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
