package com.flowmatik.query;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads a table as the database holds it, every column of every row in key order: what a test
 * compares before and after an event is delivered again.
 */
public class Tables {

    private final JdbcTemplate jdbc;

    Tables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> rows(String table) {
        return jdbc.queryForList("select * from " + table + " order by 1");
    }

    public long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }
}
