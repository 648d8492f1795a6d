package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ScheduledIssueTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** Mondays at 07:00 UTC, like the default digest.cron. */
    private static final ScheduledIssue.Cadence MONDAYS = moment -> {
        ZonedDateTime t = moment.atZone(ZoneOffset.UTC);
        ZonedDateTime monday = t.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(LocalTime.of(7, 0));
        return (monday.isAfter(t) ? monday : monday.plusWeeks(1)).toInstant();
    };

    @TempDir
    Path dir;
    private NewsletterFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private NewsletterFixture fixture() {
        fx = new NewsletterFixture(dir, greenMail.getSmtp().getPort(), Map.of());
        fx.subscriber("ana@example.org", true);
        fx.subscriber("bob@example.org", true);
        return fx;
    }

    private ScheduledIssue scheduled() {
        return new ScheduledIssue(fx.tidings.newsletter(), fx.sender());
    }

    @Test
    void firstFiringSendsTheFirstIssue() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Grève");
        f.clock.advance(Duration.ofMinutes(1));

        List<SendReport> reports = scheduled().sendIfOwed(MONDAYS, () -> false);

        assertEquals(1, reports.size());
        assertEquals(1, reports.get(0).issueNumber());
        assertEquals(2, greenMail.getReceivedMessages().length);
    }

    @Test
    void aSecondFiringForTheSameScheduledTimeSendsNothing() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Grève");
        f.clock.advance(Duration.ofMinutes(1));
        scheduled().sendIfOwed(MONDAYS, () -> false);
        // New articles arrive, and the job fires again before next Monday (a restart, a recovered trigger).
        f.feed("Der Spiegel", "Presse", "Streik");
        f.clock.advance(Duration.ofHours(2));

        List<SendReport> again = scheduled().sendIfOwed(MONDAYS, () -> false);

        assertTrue(again.isEmpty(), again.toString());
        assertEquals(2, greenMail.getReceivedMessages().length);
    }

    @Test
    void weeksOfDowntimeOweOneIssueNotOnePerWeek() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Grève");
        f.clock.advance(Duration.ofMinutes(1));
        scheduled().sendIfOwed(MONDAYS, () -> false);
        f.feed("Der Spiegel", "Presse", "Streik");
        f.clock.advance(Duration.ofDays(23));

        List<SendReport> caughtUp = scheduled().sendIfOwed(MONDAYS, () -> false);
        f.clock.advance(Duration.ofMinutes(5));
        List<SendReport> afterwards = scheduled().sendIfOwed(MONDAYS, () -> false);

        assertEquals(1, caughtUp.size());
        assertEquals(2, caughtUp.get(0).issueNumber());
        assertTrue(afterwards.isEmpty(), afterwards.toString());
        assertEquals(4, greenMail.getReceivedMessages().length);
    }

    @Test
    void anUnfinishedIssueIsFinishedBeforeTheOwedOneIsBuilt() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Grève");
        f.clock.advance(Duration.ofMinutes(1));
        // Stopped before its first message: the issue exists with its whole ledger pending.
        SendReport stopped = f.sender().send(() -> true);
        f.feed("Der Spiegel", "Presse", "Streik");
        f.clock.advance(Duration.ofDays(7));

        List<SendReport> reports = scheduled().sendIfOwed(MONDAYS, () -> false);

        assertEquals(0, stopped.sent());
        assertTrue(f.tidings.issues().latest().isPresent());
        assertEquals(2, reports.size(), reports.toString());
        assertTrue(reports.get(0).resumed());
        assertEquals(2, reports.get(0).sent());
        assertEquals(2, reports.get(1).issueNumber());
        assertEquals(4, greenMail.getReceivedMessages().length);
    }

    @Test
    void aStopRequestLeavesTheRestPendingForTheNextRun() throws Exception {
        NewsletterFixture f = fixture();
        f.feed("Le Monde", "Presse", "Grève");
        f.clock.advance(Duration.ofMinutes(1));

        List<SendReport> reports = scheduled().sendIfOwed(MONDAYS, () -> true);

        assertEquals(1, reports.size());
        assertEquals(0, reports.get(0).sent());
        assertEquals(2, f.tidings.newsletter().deliveries()
                .counts(f.tidings.issues().unfinished().orElseThrow().id()).pending());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }
}
