package org.tidings.schedule;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tidings.Tidings;
import org.tidings.config.ConfigLoader;
import org.tidings.config.ScheduleConfig;
import org.tidings.config.TidingsConfig;
import org.tidings.model.EmailAddress;
import org.tidings.model.Entry;
import org.tidings.model.FeedStatus;
import org.tidings.model.SubscriberStatus;
import org.tidings.newsletter.ScheduledIssue;
import org.tidings.store.NewFeed;
import org.tidings.store.NewSubscriber;

/**
 * Real Quartz on H2 with the real migrations, the real clock (Quartz fires on it) and SMTP to
 * GreenMail. Firings are seconds apart and the misfire threshold half a second, so that tests
 * cross fire times quickly.
 */
final class ScheduleFixture implements AutoCloseable {
    static final Duration MISFIRE_THRESHOLD = Duration.ofMillis(500);

    final Tidings tidings;
    private Schedule schedule;

    ScheduleFixture(Path dir, int smtpPort, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("TIDINGS_SMTP_HOST", "127.0.0.1",
                "TIDINGS_SMTP_PORT", String.valueOf(smtpPort), "TIDINGS_SMTP_SECURITY", "none",
                "TIDINGS_MAIL_FROM", "Tidings <news@tidings.example.org>",
                "TIDINGS_TEMPLATES_DIR", Path.of("templates").toAbsolutePath().toString()));
        env.putAll(extra);
        TidingsConfig config = new ConfigLoader(dir, env).load(null);
        tidings = Tidings.open(config, Clock.systemUTC());
    }

    Schedule start(String cron, Duration refreshEvery) {
        ScheduleSettings settings = new ScheduleSettings(new ScheduleConfig(cron, Duration.ofDays(90),
                Duration.ofSeconds(20)), ZoneOffset.UTC, refreshEvery, MISFIRE_THRESHOLD);
        ScheduledWork work = new ScheduledWork(tidings::refreshRound, () -> new ScheduledIssue(tidings.newsletter()),
                tidings.retention(), tidings.tombstonePurge(), tidings.clock());
        schedule = Schedule.start(tidings.dataSource(), settings, work);
        return schedule;
    }

    /** Stops the running schedule, as serve does on SIGTERM. */
    boolean stop() {
        boolean clean = schedule.stop(Duration.ofSeconds(20));
        schedule = null;
        if (!clean) {
            StringBuilder dump = new StringBuilder();
            Thread.getAllStackTraces().forEach((t, stack) -> {
                dump.append('\n').append(t.getName()).append(' ').append(t.getState());
                for (StackTraceElement e : stack) {
                    dump.append("\n    at ").append(e);
                }
            });
            throw new AssertionError("the schedule did not stop within 20 s; threads:" + dump);
        }
        return clean;
    }

    void subscribers(int count) {
        for (int i = 0; i < count; i++) {
            tidings.subscribers().add(new NewSubscriber(EmailAddress.parse("reader" + i + "@example.org"), null,
                    List.of(), SubscriberStatus.ACTIVE), tidings.clock().instant());
        }
    }

    /**
     * A feed with one article first seen now. The feed is paused: its made-up URL must not keep
     * the refresh job (and so a stop) waiting on a DNS lookup.
     */
    void article(String feed, String title) {
        URI url = URI.create("https://" + feed + ".example/feed");
        tidings.feeds().addIfAbsent(new NewFeed(url, feed, null, "News"), tidings.clock().instant());
        long id = tidings.feeds().findByUrl(url).orElseThrow().id();
        tidings.feeds().setStatus(id, FeedStatus.PAUSED);
        tidings.articles().save(id, List.of(new Entry(feed + "-" + title, URI.create("https://example.org/" + title),
                title, List.of("Ana Núñez"), tidings.clock().instant().minusSeconds(60), null, "Résumé",
                "<p>" + title + "</p>", List.of())), tidings.clock().instant());
    }

    /** Waits for a condition the scheduler makes true by itself; fails the test after {@code limit}. */
    static void await(Duration limit, String what, Check check) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!check.done()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still waiting after " + limit + " for: " + what);
            }
            Thread.sleep(50);
        }
    }

    @FunctionalInterface
    interface Check {
        boolean done() throws Exception;
    }

    @Override
    public void close() {
        if (schedule != null) {
            stop();
        }
        tidings.close();
    }
}
