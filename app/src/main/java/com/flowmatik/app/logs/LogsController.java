package com.flowmatik.app.logs;

import ch.qos.logback.classic.Level;
import com.flowmatik.app.web.ApiProblem;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/logs?level=&requestId=&limit=}: this instance's most recent log lines,
 * oldest first, at {@code level} or above (default: all that were logged), of one request if
 * {@code requestId} is given, {@code limit} of them at most (default 100, up to the
 * {@value RecentLogs#CAPACITY} kept).
 */
@RestController
class LogsController {

    static final int DEFAULT_LIMIT = 100;
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

    private final RecentLogs logs;

    LogsController(RecentLogs logs) {
        this.logs = logs;
    }

    record Lines(List<LogLine> lines) {}

    @GetMapping("/api/admin/logs")
    Lines recent(
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String requestId,
            @RequestParam(required = false) Integer limit) {
        return new Lines(logs.recent(minimum(level), blankToNull(requestId), limit(limit)));
    }

    private static Level minimum(String level) {
        if (level == null || level.isBlank()) {
            return Level.TRACE;
        }
        String name = level.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(name)) {
            throw ApiProblem.invalidField("level", "must be one of trace, debug, info, warn, error");
        }
        return Level.toLevel(name);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > RecentLogs.CAPACITY) {
            throw ApiProblem.invalidField("limit", "must be between 1 and " + RecentLogs.CAPACITY);
        }
        return limit;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
