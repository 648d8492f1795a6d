package org.tidings.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.tidings.config.ConfigException;
import org.tidings.newsletter.ScheduledIssue;

/** digest.cron as the newsletter's cadence: the same expression and zone the trigger fires on. */
final class CronCadence implements ScheduledIssue.Cadence {
    private final String expression;
    private final ZoneId zone;

    private CronCadence(String expression, ZoneId zone) {
        this.expression = expression;
        this.zone = zone;
    }

    /** @throws ConfigException naming digest.cron when Quartz cannot read the expression */
    static CronCadence of(String expression, ZoneId zone) {
        try {
            new CronExpression(expression);
        } catch (ParseException e) {
            throw new ConfigException("digest.cron", "not a Quartz cron expression such as '0 0 7 ? * MON'"
                    + " (seconds minutes hours day-of-month month day-of-week): '" + expression + "': "
                    + e.getMessage());
        }
        return new CronCadence(expression, zone);
    }

    String expression() {
        return expression;
    }

    TimeZone timeZone() {
        return TimeZone.getTimeZone(zone);
    }

    @Override
    public Instant nextAfter(Instant moment) {
        Date next = compiled().getTimeAfter(Date.from(moment));
        return next == null ? null : next.toInstant();
    }

    /** CronExpression is not thread-safe; a fresh one per question is cheap next to a newsletter. */
    private CronExpression compiled() {
        try {
            CronExpression cron = new CronExpression(expression);
            cron.setTimeZone(timeZone());
            return cron;
        } catch (ParseException e) {
            throw new IllegalStateException("checked in of(): " + expression, e);
        }
    }
}
