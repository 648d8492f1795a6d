package org.tidings.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Our hand-written layout against the PatternLayout it replaces, on the same events. */
class LogLineTest {
    private final LoggerContext context = new LoggerContext();
    private final PatternLayout pattern = new PatternLayout();
    private final LogLine line = new LogLine();

    LogLineTest() {
        pattern.setContext(context);
        pattern.setPattern(StderrLogging.PATTERN);
        pattern.start();
        line.setContext(context);
        line.start();
    }

    @Test
    void writesAMessageAsThePatternDoes() {
        LoggingEvent e = event("org.tidings.schedule.RefreshJob", Level.INFO, "refresh: {} feeds", null, 12);

        assertEquals(pattern.doLayout(e), line.doLayout(e));
    }

    @Test
    void padsShortLevelsAndShortensLongLoggerNames() {
        for (Level level : new Level[] {Level.WARN, Level.ERROR, Level.DEBUG}) {
            LoggingEvent e = event("com.zaxxer.hikari.pool.HikariPool", level, "tidings - {}", null, "stopped");

            assertEquals(pattern.doLayout(e), line.doLayout(e));
        }
    }

    @Test
    void writesTheStackTraceWithCausesAndSuppressedAsThePatternDoes() {
        IOException cause = new IOException("disk full");
        SQLException thrown = new SQLException("Could not store feed", cause);
        thrown.addSuppressed(new IllegalStateException("rollback failed"));
        LoggingEvent e = event("org.tidings.ingest.FeedIngester", Level.WARN, "Could not store feed {}", thrown,
                "https://example.org/feed");

        assertEquals(pattern.doLayout(e), line.doLayout(e));
    }

    @Test
    void writesANullMessageAsThePatternDoes() {
        LoggingEvent e = event("x", Level.WARN, null, null);

        assertEquals(pattern.doLayout(e), line.doLayout(e));
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable thrown, Object... args) {
        Logger l = context.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), l, level, message, thrown, args);
    }
}
