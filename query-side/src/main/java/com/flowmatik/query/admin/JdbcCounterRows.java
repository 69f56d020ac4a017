package com.flowmatik.query.admin;

import com.flowmatik.query.ProcessorBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The counters in {@code admin_user_day} and {@code admin_user_cost}, through JDBC: one query per
 * table to read a batch's rows and one JDBC batch per statement to write them, in the transaction
 * of the processor's batch. Only the segment that owns a user's events writes that user's rows.
 */
@Repository
class JdbcCounterRows implements CounterRows {

    private static final String DAY_COLUMNS = "user_id, metric_date, registered, requests, tokens, ai_cost_micros,"
            + " quota_refusals, failed_payments, last_usage_sequence, last_subscription_sequence";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcCounterRows(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<UserDayRow.Key, DayCounters> days(Set<UserDayRow.Key> keys) {
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue(
                        "users",
                        keys.stream().map(UserDayRow.Key::userId).distinct().toList())
                .addValue(
                        "dates",
                        keys.stream().map(UserDayRow.Key::date).distinct().toList());
        Map<UserDayRow.Key, DayCounters> found = new HashMap<>();
        jdbc.query(
                "SELECT " + DAY_COLUMNS + " FROM admin_user_day WHERE user_id IN (:users) AND metric_date IN (:dates)",
                parameters,
                (ResultSet row) -> {
                    DayCounters day = day(row);
                    if (keys.contains(day.key())) {
                        found.put(day.key(), day);
                    }
                });
        return found;
    }

    @Override
    public Map<String, CostCounters> costs(Set<String> userIds) {
        Map<String, CostCounters> found = new HashMap<>();
        jdbc.query(
                "SELECT user_id, cost_micros, last_usage_sequence FROM admin_user_cost WHERE user_id IN (:users)",
                Map.of("users", List.copyOf(userIds)),
                (ResultSet row) -> {
                    CostCounters cost = new CostCounters(row.getString("user_id"), true);
                    cost.costMicros = row.getLong("cost_micros");
                    cost.lastUsageSequence = row.getLong("last_usage_sequence");
                    found.put(cost.userId, cost);
                });
        return found;
    }

    @Override
    public void save(Collection<DayCounters> days, Collection<CostCounters> costs) {
        write(
                "INSERT INTO admin_user_day (" + DAY_COLUMNS + ") VALUES (:userId, :date, :registered, :requests,"
                        + " :tokens, :aiCostMicros, :quotaRefusals, :failedPayments, :lastUsageSequence,"
                        + " :lastSubscriptionSequence)",
                days.stream()
                        .filter(day -> !day.stored)
                        .map(JdbcCounterRows::parameters)
                        .toList());
        write(
                "UPDATE admin_user_day SET registered = :registered, requests = :requests, tokens = :tokens,"
                        + " ai_cost_micros = :aiCostMicros, quota_refusals = :quotaRefusals,"
                        + " failed_payments = :failedPayments, last_usage_sequence = :lastUsageSequence,"
                        + " last_subscription_sequence = :lastSubscriptionSequence"
                        + " WHERE user_id = :userId AND metric_date = :date",
                days.stream()
                        .filter(day -> day.stored)
                        .map(JdbcCounterRows::parameters)
                        .toList());
        write(
                "INSERT INTO admin_user_cost (user_id, cost_micros, last_usage_sequence)"
                        + " VALUES (:userId, :costMicros, :lastUsageSequence)",
                costs.stream()
                        .filter(cost -> !cost.stored)
                        .map(JdbcCounterRows::parameters)
                        .toList());
        write(
                "UPDATE admin_user_cost SET cost_micros = :costMicros, last_usage_sequence = :lastUsageSequence"
                        + " WHERE user_id = :userId",
                costs.stream()
                        .filter(cost -> cost.stored)
                        .map(JdbcCounterRows::parameters)
                        .toList());
    }

    private void write(String sql, List<MapSqlParameterSource> rows) {
        ProcessorBatch.write(jdbc, sql, rows);
    }

    private static DayCounters day(ResultSet row) throws SQLException {
        DayCounters day =
                new DayCounters(row.getString("user_id"), row.getObject("metric_date", LocalDate.class), true);
        day.registered = row.getBoolean("registered");
        day.requests = row.getLong("requests");
        day.tokens = row.getLong("tokens");
        day.aiCostMicros = row.getLong("ai_cost_micros");
        day.quotaRefusals = row.getLong("quota_refusals");
        day.failedPayments = row.getLong("failed_payments");
        day.lastUsageSequence = row.getLong("last_usage_sequence");
        day.lastSubscriptionSequence = row.getLong("last_subscription_sequence");
        return day;
    }

    private static MapSqlParameterSource parameters(DayCounters day) {
        return new MapSqlParameterSource()
                .addValue("userId", day.userId)
                .addValue("date", day.date)
                .addValue("registered", day.registered)
                .addValue("requests", day.requests)
                .addValue("tokens", day.tokens)
                .addValue("aiCostMicros", day.aiCostMicros)
                .addValue("quotaRefusals", day.quotaRefusals)
                .addValue("failedPayments", day.failedPayments)
                .addValue("lastUsageSequence", day.lastUsageSequence)
                .addValue("lastSubscriptionSequence", day.lastSubscriptionSequence);
    }

    private static MapSqlParameterSource parameters(CostCounters cost) {
        return new MapSqlParameterSource()
                .addValue("userId", cost.userId)
                .addValue("costMicros", cost.costMicros)
                .addValue("lastUsageSequence", cost.lastUsageSequence);
    }
}
