package org.tidings.newsletter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.mail.InboundSink;
import org.tidings.model.InboundReport;
import org.tidings.model.Issue;
import org.tidings.store.IssueStore;
import org.tidings.store.MailEventStore;
import org.tidings.store.NewMailEvent;
import org.tidings.store.SubscriberStore;

/**
 * Acts on what comes back from sent mail (issue 12): a hard bounce makes the subscriber bounced
 * and suppresses the address; soft bounces make them bounced after {@code mail.soft-bounce-limit}
 * issues in a row, without suppressing (a full mailbox or a server down for the week may recover,
 * and a new import or sign-up may bring them back); a complaint unsubscribes, marks them as having
 * complained and suppresses; an unsubscribe by mail unsubscribes. What matches no subscriber, or is
 * none of these, is ignored for the caller to count. Each event is recorded once: the same report
 * again is handled and changes nothing.
 */
public final class MailFeedback implements InboundSink {
    private static final Logger LOG = LoggerFactory.getLogger(MailFeedback.class);

    /**
     * @param softBounceLimit {@code mail.soft-bounce-limit}
     */
    public record Parts(SubscriberStore subscribers, IssueStore issues, MailEventStore events, int softBounceLimit,
            Clock clock) {
    }

    private final Parts parts;
    private final ReportMatcher matcher;

    public MailFeedback(Parts parts) {
        this.parts = parts;
        this.matcher = new ReportMatcher(parts.subscribers());
    }

    @Override
    public Verdict accept(InboundReport report) {
        Optional<ReportMatcher.Match> found = matcher.match(report);
        if (found.isEmpty()) {
            parts.events().countIgnored();
            return Verdict.IGNORED;
        }
        ReportMatcher.Match match = found.get();
        NewMailEvent event = new NewMailEvent(match.subscriber().id(), issueId(match.issueNumber()),
                match.issueNumber(), report.status(), report.diagnostic(), key(report, match));
        Instant now = parts.clock().instant();
        MailEventStore events = parts.events();
        boolean recorded = switch (report.kind()) {
            case HARD_BOUNCE -> events.hardBounce(event, now);
            case SOFT_BOUNCE -> events.softBounce(event, parts.softBounceLimit(), now);
            case COMPLAINT -> events.complaint(event, now);
            case UNSUBSCRIBE -> events.unsubscribe(event, now);
            case OTHER -> throw new IllegalStateException("the matcher matches no OTHER report");
        };
        if (recorded) {
            LOG.info("{} of subscriber {}{}{}", report.kind().name().toLowerCase(java.util.Locale.ROOT),
                    match.subscriber().id(), match.issueNumber() == null ? "" : " (issue " + match.issueNumber() + ")",
                    report.status() == null ? "" : ": " + report.status());
        }
        return Verdict.HANDLED;
    }

    /** A token names the issue by number; an issue no longer stored leaves the event without one. */
    private Long issueId(Integer number) {
        return number == null ? null : parts.issues().byNumber(number).map(Issue::id).orElse(null);
    }

    /**
     * The same report read twice (the mailbox kept it after a crash, the MTA piped it again) says
     * the same things about the same subscriber and issue: its hash is what the events table keeps
     * unique.
     */
    static String key(InboundReport r, ReportMatcher.Match m) {
        String text = String.join("\n", r.kind().name(), String.valueOf(m.subscriber().id()),
                String.valueOf(m.issueNumber()), String.valueOf(r.status()), String.valueOf(r.verpDetail()),
                String.valueOf(r.originalMessageId()), String.valueOf(r.diagnostic()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
