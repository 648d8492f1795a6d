package org.tidings.schedule;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The schedule as the database holds it, read without starting Quartz: {@code status} runs beside
 * a running {@code serve}, and must neither fire nor recover its jobs.
 */
public final class ScheduleStatus {
    private ScheduleStatus() {
    }

    /** @return the stored triggers by name; empty when {@code serve} has never run on this database */
    public static List<JobTimes> triggers(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT trigger_name, next_fire_time, prev_fire_time,"
                        + " trigger_state FROM qrtz_triggers WHERE sched_name = ? ORDER BY trigger_name")) {
            ps.setString(1, Schedule.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                List<JobTimes> times = new ArrayList<>();
                while (rs.next()) {
                    times.add(new JobTimes(rs.getString(1), instant(rs.getLong(2)), instant(rs.getLong(3)),
                            rs.getString(4).toLowerCase(Locale.ROOT)));
                }
                return times;
            }
        } catch (SQLException e) {
            throw new ScheduleException("Could not read the schedule: " + e.getMessage(), e);
        }
    }

    /**
     * The nodes that have checked in to the clustered scheduler, by name; empty on an H2 file,
     * where Quartz runs unclustered and keeps no check-ins.
     */
    public static List<NodeCheckIn> nodes(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT instance_name, last_checkin_time, checkin_interval"
                        + " FROM qrtz_scheduler_state WHERE sched_name = ? ORDER BY instance_name")) {
            ps.setString(1, Schedule.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                List<NodeCheckIn> nodes = new ArrayList<>();
                while (rs.next()) {
                    nodes.add(new NodeCheckIn(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            java.time.Duration.ofMillis(rs.getLong(3))));
                }
                return nodes;
            }
        } catch (SQLException e) {
            throw new ScheduleException("Could not read the nodes: " + e.getMessage(), e);
        }
    }

    /** The jobs running now, by the node (Quartz instance) that runs them: who holds which singleton. */
    public static Map<String, List<String>> runningJobs(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT instance_name, job_name FROM qrtz_fired_triggers"
                        + " WHERE sched_name = ? AND job_name IS NOT NULL ORDER BY instance_name, job_name")) {
            ps.setString(1, Schedule.NAME);
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, List<String>> jobs = new java.util.TreeMap<>();
                while (rs.next()) {
                    jobs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
                return jobs;
            }
        } catch (SQLException e) {
            throw new ScheduleException("Could not read the running jobs: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a newsletter firing is still to come or running: a request of {@link
     * Schedule#requestIssueNow} not yet taken, or the newsletter job executing on some node.
     */
    public static boolean newsletterBusy(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM qrtz_triggers"
                        + " WHERE sched_name = ? AND trigger_name = ?) + (SELECT COUNT(*) FROM qrtz_fired_triggers"
                        + " WHERE sched_name = ? AND job_name = ?)")) {
            ps.setString(1, Schedule.NAME);
            ps.setString(2, Triggers.NEWSLETTER_NOW.getName());
            ps.setString(3, Schedule.NAME);
            ps.setString(4, JobKinds.NEWSLETTER.getName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new ScheduleException("Could not read the schedule: " + e.getMessage(), e);
        }
    }

    /** When digest.cron fires next after {@code now}, as configured (whether or not serve runs). */
    public static Instant nextNewsletter(String cron, ZoneId zone, Instant now) {
        return CronCadence.of(cron, zone).nextAfter(now);
    }

    /** Quartz stores milliseconds, and 0 or less for "never". */
    private static Instant instant(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis);
    }
}
