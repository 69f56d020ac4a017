/**
 * {@code /api/admin/logs}: the most recent log lines of this instance, kept in memory as structured
 * lines by an appender attached to Logback at start, for operators to look at without a log stack.
 */
package com.flowmatik.app.logs;
