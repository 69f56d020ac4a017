package com.flowmatik.app.logs;

import java.time.Instant;

/**
 * One log event as the admin API shows it.
 *
 * @param requestId the request it was logged for (MDC {@code requestId}), or null outside requests
 * @param error the class and message of the exception logged with it, if any
 */
record LogLine(
        Instant at, String level, String logger, String message, String requestId, String thread, String error) {}
