package com.flowmatik.app.logs;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import com.flowmatik.app.web.RequestIdFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The last {@value #CAPACITY} log events of this instance, oldest dropped first. An appender on
 * Logback's root logger feeds it from start to shutdown, whatever the console format; it stays
 * attached when Logback is configured again (another Spring context in the same JVM does that).
 */
@Component
class RecentLogs extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements LoggerContextListener, InitializingBean, DisposableBean {

    static final int CAPACITY = 2_000;

    private final Deque<LogLine> lines = new ArrayDeque<>(CAPACITY);

    RecentLogs() {
        setName("flowmatik-recent-logs");
    }

    @Override
    public void afterPropertiesSet() {
        LoggerContext context = loggerContext();
        setContext(context);
        context.addListener(this);
        attach(context);
    }

    @Override
    public void destroy() {
        LoggerContext context = loggerContext();
        context.removeListener(this);
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    /** The newest {@code limit} lines at {@code minimum} or above (and of the request, if given), oldest first. */
    List<LogLine> recent(Level minimum, String requestId, int limit) {
        List<LogLine> found = new ArrayList<>();
        synchronized (lines) {
            Iterator<LogLine> newestFirst = lines.descendingIterator();
            while (newestFirst.hasNext() && found.size() < limit) {
                LogLine line = newestFirst.next();
                if (Level.toLevel(line.level()).isGreaterOrEqual(minimum)
                        && (requestId == null || requestId.equals(line.requestId()))) {
                    found.add(line);
                }
            }
        }
        Collections.reverse(found);
        return found;
    }

    @Override
    protected void append(ILoggingEvent event) {
        LogLine line = new LogLine(
                event.getInstant(),
                event.getLevel().toString(),
                event.getLoggerName(),
                event.getFormattedMessage(),
                event.getMDCPropertyMap().get(RequestIdFilter.MDC_KEY),
                event.getThreadName(),
                error(event.getThrowableProxy()));
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
    }

    private static String error(IThrowableProxy thrown) {
        if (thrown == null) {
            return null;
        }
        return thrown.getMessage() == null ? thrown.getClassName() : thrown.getClassName() + ": " + thrown.getMessage();
    }

    private void attach(LoggerContext context) {
        start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (!root.isAttached(this)) {
            root.addAppender(this);
        }
    }

    private static LoggerContext loggerContext() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    /** A reset detaches and stops every appender: come back. */
    @Override
    public void onReset(LoggerContext context) {
        attach(context);
    }

    @Override
    public boolean isResetResistant() {
        return true;
    }

    @Override
    public void onStart(LoggerContext context) {}

    @Override
    public void onStop(LoggerContext context) {}

    @Override
    public void onLevelChange(Logger logger, Level level) {}
}
