package com.flowmatik.app.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every table of the database but Axon's own and the deadline scheduler's (tokens are what a replay
 * changes; the scheduler writes heartbeats on its own), every row in the order of all its columns,
 * blobs as hex: what two states of the read models are compared by.
 */
public final class ReadModelTables {

    private static final Set<String> NOT_COMPARED = Set.of(
            "domain_event_entry",
            "snapshot_event_entry",
            "token_entry",
            "saga_entry",
            "association_value_entry",
            "dead_letter_entry",
            "scheduled_tasks",
            "flyway_schema_history");

    private ReadModelTables() {}

    public static Map<String, List<Map<String, Object>>> of(JdbcTemplate jdbc) {
        List<String> names = jdbc.execute((ConnectionCallback<List<String>>) ReadModelTables::names);
        Map<String, List<Map<String, Object>>> tables = new TreeMap<>();
        for (String table : names) {
            int columns = jdbc.queryForRowSet("SELECT * FROM " + table + " WHERE 1 = 0")
                    .getMetaData()
                    .getColumnCount();
            StringBuilder order = new StringBuilder();
            for (int column = 1; column <= columns; column++) {
                order.append(column == 1 ? "" : ", ").append(column);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + order)) {
                Map<String, Object> comparable = new LinkedHashMap<>();
                row.forEach((column, value) -> comparable.put(
                        column.toLowerCase(Locale.ROOT),
                        value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value));
                rows.add(comparable);
            }
            tables.put(table, rows);
        }
        return tables;
    }

    /**
     * What differs between two states, table by table: the rows only one of them holds. Empty when
     * they are equal; short enough to read in a failed test's message, unlike the whole database.
     */
    public static List<String> differences(
            Map<String, List<Map<String, Object>>> expected, Map<String, List<Map<String, Object>>> actual) {
        List<String> differences = new ArrayList<>();
        Set<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(actual.keySet());
        for (String table : tables) {
            List<Map<String, Object>> was = expected.getOrDefault(table, List.of());
            List<Map<String, Object>> is = actual.getOrDefault(table, List.of());
            was.stream().filter(row -> !is.contains(row)).forEach(row -> differences.add(table + " lost " + row));
            is.stream().filter(row -> !was.contains(row)).forEach(row -> differences.add(table + " gained " + row));
            if (differences.isEmpty() && !was.equals(is)) {
                differences.add(table + ": the same rows, a different count of duplicates");
            }
        }
        return differences;
    }

    private static List<String> names(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet tables =
                metaData.getTables(connection.getCatalog(), connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!NOT_COMPARED.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
