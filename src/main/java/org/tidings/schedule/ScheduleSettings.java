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
 */
public record ScheduleSettings(ScheduleConfig config, ZoneId zone, Duration refreshEvery, Duration misfireThreshold) {
    public static ScheduleSettings of(ScheduleConfig config, ZoneId zone) {
        return new ScheduleSettings(config, zone, Duration.ofMinutes(1), Duration.ofMinutes(1));
    }
}
