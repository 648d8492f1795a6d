package org.tidings.newsletter;

import java.time.Duration;
import java.time.Instant;
import org.tidings.digest.IssueContents;
import org.tidings.mail.MailMessage;
import org.tidings.mail.MailSession;
import org.tidings.mail.MailUnavailableException;
import org.tidings.mail.SendOutcome;
import org.tidings.model.Digest;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.render.RenderedEmail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.store.DeliveryStore;

/** Delivers the issue to one subscriber on one session and records the outcome in the ledger. */
final class Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    /** Issues in a row the server refused for good before a subscriber is marked bounced. */
    static final int BOUNCE_AFTER = 3;

    private final NewsletterParts parts;
    private final MessageFactory messages;
    private final Issue issue;
    private final IssueContents contents;
    private final Tally tally;
    private final SessionPool sessions;

    Delivery(NewsletterParts parts, MessageFactory messages, Issue issue, IssueContents contents, Tally tally,
            SessionPool sessions) {
        this.parts = parts;
        this.messages = messages;
        this.issue = issue;
        this.contents = contents;
        this.tally = tally;
        this.sessions = sessions;
    }

    void deliver(DeliveryJob job) throws MailUnavailableException, InterruptedException {
        Instant now = parts.clock().instant();
        if (!(job instanceof DeliveryJob.Send send)) {
            fail(job.subscriberId(), "malformed stored email address of subscriber " + job.subscriberId(), now);
            return;
        }
        Subscriber s = send.subscriber();
        if (s.status() != SubscriberStatus.ACTIVE) {
            skip(s, "subscriber is " + s.status().code() + " since the issue was built", now);
            return;
        }
        Digest digest = contents.forSubscriber(s);
        if (digest.isEmpty()) {
            skip(s, "nothing new in their categories", now);
            return;
        }
        RenderedEmail content;
        try {
            content = parts.digestRenderer().render(digest, s);
        } catch (RuntimeException e) {
            fail(s.id(), "could not render the digest: " + e.getMessage(), now);
            return;
        }
        // Built once: the Message-ID and VERP address each cost an HMAC, and the ledger keeps the Message-ID sent.
        MailMessage message = messages.digest(issue, s, content);
        MailSession session = sessions.borrow();
        // Timed from a free session on: waiting for one measures the pool, not the send.
        long started = System.nanoTime();
        try {
            // Last look before the message leaves: a claim that lapsed and went to another node is theirs now.
            if (!parts.claims().handOver(issue.id(), s.id(), parts.clock().instant())) {
                LOG.warn("issue {}: subscriber {} no longer this node's to send (its claim lapsed); left to the"
                        + " node that holds it", issue.number(), s.id());
                return;
            }
            SendOutcome outcome = sendHandedOver(session, s, message);
            // Recorded before the session goes back: a message handed over and not yet recorded
            // holds a connection, so a kill leaves at most mail.concurrency messages in doubt.
            record(send, message.messageId(), outcome, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            sessions.release(session);
        }
    }

    /** An unreachable server took nothing: the row is not in doubt, and goes to whoever sends next. */
    private SendOutcome sendHandedOver(MailSession session, Subscriber s, MailMessage message)
            throws MailUnavailableException {
        try {
            return session.send(message);
        } catch (MailUnavailableException e) {
            parts.claims().takeBack(issue.id(), s.id());
            throw e;
        }
    }

    private void record(DeliveryJob.Send job, String messageId, SendOutcome outcome, Duration took) {
        Subscriber s = job.subscriber();
        DeliveryStore ledger = parts.deliveries();
        Instant now = parts.clock().instant();
        if (outcome instanceof SendOutcome.Sent) {
            // The refusal count of delivered subscribers is reset once per issue (IssueSender), not here:
            // a second commit per message would cost a fifth of the send.
            if (!ledger.markSent(issue.id(), s.id(), messageId, now)) {
                // Sent, but the claim lapsed first (SMTP took longer than mail.claim-lease) and the
                // node that took the row counted it in doubt: the ledger errs toward "failed".
                LOG.warn("issue {}: message to subscriber {} sent after this node's claim lapsed; the ledger"
                        + " counts it in doubt", issue.number(), s.id());
            }
            tally.sent.incrementAndGet();
            parts.telemetry().sent(took);
        } else if (outcome instanceof SendOutcome.Rejected r) {
            fail(s.id(), "refused: " + r.reason(), now);
            parts.subscribers().recordRefusal(s.id(), BOUNCE_AFTER);
        } else {
            String reason = ((SendOutcome.Deferred) outcome).reason();
            int attempts = job.attempts() + 1;
            if (attempts >= parts.mail().maxAttempts()) {
                fail(s.id(), "deferred " + attempts + " times: " + reason, now);
            } else {
                Duration delay = parts.mail().retryDelay().multipliedBy(1L << Math.min(job.attempts(), 16));
                ledger.markDeferred(issue.id(), s.id(), reason, now.plus(delay), now);
            }
        }
    }

    private void fail(long subscriberId, String reason, Instant now) {
        parts.deliveries().markFailed(issue.id(), subscriberId, reason, now);
        tally.failed.incrementAndGet();
        parts.telemetry().failed();
    }

    private void skip(Subscriber s, String reason, Instant now) {
        parts.deliveries().markSkipped(issue.id(), s.id(), reason, now);
        tally.skipped.incrementAndGet();
    }
}
