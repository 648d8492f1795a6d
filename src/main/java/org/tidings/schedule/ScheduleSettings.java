package org.tidings.schedule;

import java.time.Duration;
import java.time.ZoneId;
import org.tidings.config.ScheduleConfig;

/**
 * How the scheduler runs.
 *
 * @param zone digest.zone: the newsletter's cron and housekeeping's hour are read in it
 * @param refreshEvery how often the refresh job looks for due feeds; a minute in service
 * @param misfireThreshold how late a firing may be and still count as on time; later than that,
 *     Quartz applies the trigger's misfire rule (the newsletter: once now)
 * @param clustered several nodes share the database (PostgreSQL): Quartz runs clustered, and each
 *     node refreshes on its own timer, since due feeds are claimed in the database
 */
public record ScheduleSettings(ScheduleConfig config, ZoneId zone, Duration refreshEvery, Duration misfireThreshold,
        boolean clustered) {
    public ScheduleSettings(ScheduleConfig config, ZoneId zone, Duration refreshEvery, Duration misfireThreshold) {
        this(config, zone, refreshEvery, misfireThreshold, false);
    }

    public static ScheduleSettings of(ScheduleConfig config, ZoneId zone, boolean clustered) {
        return new ScheduleSettings(config, zone, Duration.ofMinutes(1), Duration.ofMinutes(1), clustered);
    }
}
