package org.tidings.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Map;

/**
 * Warnings, and Tidings' own INFO lines, on stderr: the CLI prints its results on stdout. Found by
 * logback through {@code META-INF/services}. Built in code because reading the same settings from
 * a logback.xml took a quarter of a second of every command (Joran and the JDK's XML parser).
 *
 * <p>Steps aside for logback's own search when an admin names a file with
 * {@code -Dlogback.configurationFile=...}, or when a logback-test.xml is on the class path (the
 * tests' quieter one), as logback's own order of precedence has it.
 */
public final class StderrLogging extends ContextAwareBase implements Configurator {
    /** What {@link LogLine} writes, in logback's words: an admin's own file can start from it. */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    /**
     * Tidings' own INFO lines and everyone else's warnings. Jetty and Javalin announce every start
     * and stop at INFO; serve logs its own one line.
     */
    static final Map<String, Level> LEVELS = Map.of(
            "org.tidings", Level.INFO,
            "com.zaxxer.hikari", Level.WARN,
            "org.flywaydb", Level.WARN,
            "org.eclipse.jetty", Level.WARN,
            "io.javalin", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null
                || StderrLogging.class.getClassLoader().getResource("logback-test.xml") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr(context));
        LEVELS.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> stderr(LoggerContext context) {
        LogLine layout = new LogLine();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("STDERR");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }
}
