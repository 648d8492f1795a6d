package org.tidings.config;

import java.time.Duration;

/**
 * What {@code serve} runs, and when.
 *
 * @param digestCron Quartz cron expression of the newsletter, read in digest.zone; the schedule
 *     package checks it when the scheduler starts (the config package knows nothing of Quartz)
 * @param retention articles older than this that no issue contains are deleted by housekeeping
 * @param stopTimeout how long a stop waits for running jobs to finish their feed or message
 */
public record ScheduleConfig(String digestCron, Duration retention, Duration stopTimeout) {
    static ScheduleConfig from(Settings s) {
        return new ScheduleConfig(s.string("digest.cron", "0 0 7 ? * MON").trim(),
                Duration.ofDays(s.positiveInt("retention.days", 90)),
                s.duration("serve.stop-timeout", Duration.ofSeconds(30)));
    }

    public static ScheduleConfig defaults() {
        return from(Settings.of(java.util.Map.of()));
    }
}
