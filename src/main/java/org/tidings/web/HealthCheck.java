package org.tidings.web;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.store.Database;

/** Whether serve can do its work: the database answers and the scheduler runs. */
final class HealthCheck {
    private static final Logger LOG = LoggerFactory.getLogger(HealthCheck.class);

    private final Database database;
    private final BooleanSupplier schedulerRunning;

    HealthCheck(Database database, BooleanSupplier schedulerRunning) {
        this.database = database;
        this.schedulerRunning = schedulerRunning;
    }

    /** Empty when healthy, else the reason, short enough for a monitor's alert line. */
    Optional<String> problem() {
        try {
            database.ping();
        } catch (RuntimeException e) {
            // The details (URL, driver message) are for the log, not for whoever polls /healthz.
            LOG.warn("health check: {}", e.getMessage());
            return Optional.of("database not reachable");
        }
        return schedulerRunning.getAsBoolean() ? Optional.empty() : Optional.of("scheduler not running");
    }
}
