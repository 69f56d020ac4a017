package com.flowmatik.app.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.LoggerContextListener;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Captures every log event of the test run (all application contexts, all levels that are logged)
 * into {@code suite.log}, and every secret the tests used (bearer tokens, reset tokens) into
 * {@code secrets.txt}, both in the folder named by the system property {@value #FOLDER_PROPERTY}
 * (set by the build for the main test run only). {@code SuiteLogsAudit} reads them after the run.
 */
public final class SuiteLogs implements LauncherSessionListener {

    public static final String FOLDER_PROPERTY = "flowmatik.suite-logs";
    public static final String LOG_FILE = "suite.log";
    public static final String SECRETS_FILE = "secrets.txt";

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();
    /** One per test JVM: Surefire may open and close more than one launcher session in it. */
    private static Capture capture;

    /** Notes a secret a test sent or received, so that the audit looks for it in the logs. */
    public static void secretUsed(String secret) {
        if (secret != null && !secret.isBlank()) {
            SECRETS.add(secret);
        }
    }

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        String folder = System.getProperty(FOLDER_PROPERTY);
        if (folder == null || capture != null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(folder));
            capture = new Capture(Files.newBufferedWriter(dir.resolve(LOG_FILE), StandardCharsets.UTF_8));
            Files.deleteIfExists(dir.resolve(SECRETS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        attachCapture();
        Runtime.getRuntime().addShutdownHook(new Thread(SuiteLogs::finish, "suite-logs"));
    }

    /**
     * Attaches the capture to Logback's context, again after Spring Boot configured Logback: it
     * stops the context first, which drops every listener, reset-resistant or not.
     */
    static synchronized void attachCapture() {
        if (capture == null) {
            return;
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.setContext(context);
        if (!context.getCopyOfListenerList().contains(capture)) {
            context.addListener(capture);
        }
        capture.attach(context);
    }

    /** Every Spring application of the run, once it has configured logging. */
    public static final class AfterLoggingIsConfigured implements ApplicationListener<ApplicationPreparedEvent> {

        @Override
        public void onApplicationEvent(ApplicationPreparedEvent event) {
            attachCapture();
        }
    }

    /** Written when the test JVM ends, after every session and every context's shutdown logging. */
    private static synchronized void finish() {
        capture.close();
        try {
            Files.write(
                    Path.of(System.getProperty(FOLDER_PROPERTY)).resolve(SECRETS_FILE),
                    SECRETS,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An appender on the root logger that stays attached when Spring Boot configures Logback again. */
    private static final class Capture extends UnsynchronizedAppenderBase<ILoggingEvent>
            implements LoggerContextListener {

        private final BufferedWriter out;

        Capture(BufferedWriter out) {
            this.out = out;
            setName("flowmatik-suite-logs");
        }

        void attach(LoggerContext context) {
            start();
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            if (!root.isAttached(this)) {
                root.addAppender(this);
            }
        }

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder()
                    .append(event.getInstant())
                    .append(' ')
                    .append(event.getLevel())
                    .append(' ')
                    .append(event.getLoggerName())
                    .append(' ')
                    .append(event.getMDCPropertyMap())
                    .append(' ')
                    .append(event.getFormattedMessage());
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                line.append("\n  ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
                for (StackTraceElementProxy frame : thrown.getStackTraceElementProxyArray()) {
                    line.append("\n    ").append(frame.getSTEAsString());
                }
            }
            synchronized (out) {
                try {
                    out.write(line.append('\n').toString());
                    out.flush();
                } catch (IOException e) {
                    addError("could not write the suite log", e);
                }
            }
        }

        void close() {
            stop();
            synchronized (out) {
                try {
                    out.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public boolean isResetResistant() {
            return true;
        }

        @Override
        public void onReset(LoggerContext context) {
            attach(context);
        }

        @Override
        public void onStart(LoggerContext context) {}

        @Override
        public void onStop(LoggerContext context) {}

        @Override
        public void onLevelChange(Logger logger, Level level) {}
    }
}
