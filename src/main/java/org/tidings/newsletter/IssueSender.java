package org.tidings.newsletter;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tidings.digest.IssueBuilder;
import org.tidings.digest.IssueContents;
import org.tidings.mail.MailUnavailableException;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.DeliveryClaims;
import org.tidings.store.DeliveryCounts;
import org.tidings.store.DeliveryStore;
import org.tidings.store.SubscriberStore;

/**
 * {@code digest send}: has the next issue built (or resumes the unfinished one; see
 * {@link IssueBuilder}) and delivers it to every active subscriber exactly once. The ledger is written before the first message, every
 * message is recorded as soon as the server accepts it, and a run stopped at any point (even
 * kill -9) resumes with the subscribers still owed; only a message in flight at the kill can go
 * out twice.
 */
public final class IssueSender {
    /**
     * Deliveries claimed at a time, and so the most a node holds unsent: small, so that claimed rows
     * are sent well within the claim's lease and the other nodes find the rest to claim.
     */
    static final int CLAIM = 32;
    /** How often a node whose own claims are done looks again while other nodes still hold some. */
    private static final Duration OTHERS_POLL = Duration.ofSeconds(1);
    /** How long a wait for a deferred message goes on before it looks for a stop request again. */
    private static final Duration STOP_CHECK = Duration.ofMillis(250);

    private final NewsletterParts parts;
    private final IssueBuilder builder;
    private final MessageFactory messages;
    private final Sleeper sleeper;

    /** Waiting for a deferred message's retry time; tests move their clock instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public IssueSender(NewsletterParts parts) {
        this(parts, d -> Thread.sleep(d.toMillis() + 1));
    }

    IssueSender(NewsletterParts parts, Sleeper sleeper) {
        this.parts = parts;
        this.builder = new IssueBuilder(parts.articles(), parts.issues(), parts.digestRenderer()::renderWeb,
                parts.digest(), parts.clock());
        this.messages = MessageFactory.of(parts);
        this.sleeper = sleeper;
    }

    /**
     * @throws MailUnavailableException when the server cannot be reached: what was not sent stays
     *     pending for the next run
     */
    public SendReport send() throws MailUnavailableException, InterruptedException {
        return send(() -> false);
    }

    /**
     * @param stopRequested checked between messages: once it says true, each connection finishes
     *     the message in hand and the run returns; what was not sent stays pending for the next run
     */
    public SendReport send(BooleanSupplier stopRequested) throws MailUnavailableException, InterruptedException {
        parts.claims().beginSend();
        try {
            Optional<IssueContents> unfinished = builder.unfinished();
            Optional<IssueContents> found = unfinished.isPresent() ? unfinished : builder.build();
            if (found.isEmpty()) {
                return SendReport.nothingNew();
            }
            return deliver(found.get(), unfinished.isPresent(), stopRequested);
        } finally {
            parts.claims().endSend();
        }
    }

    /**
     * Helps send the unfinished issue, if any, and never builds one: what every node of a cluster
     * does beside the node whose newsletter job built it.
     */
    public SendReport resume(BooleanSupplier stopRequested) throws MailUnavailableException, InterruptedException {
        // Another send of this process (the newsletter job) already takes this node's share.
        if (!parts.claims().tryBeginSend()) {
            return SendReport.nothingNew();
        }
        try {
            Optional<IssueContents> unfinished = builder.unfinished();
            if (unfinished.isEmpty()) {
                return SendReport.nothingNew();
            }
            return deliver(unfinished.get(), true, stopRequested);
        } finally {
            parts.claims().endSend();
        }
    }

    private SendReport deliver(IssueContents contents, boolean resumed, BooleanSupplier stopRequested)
            throws MailUnavailableException, InterruptedException {
        Issue issue = contents.issue();
        Tally tally = new Tally();
        try {
            deliverUntilDone(new SendRun(issue, contents, tally, stopRequested));
        } finally {
            parts.claims().release(issue.id());
        }
        parts.subscribers().resetRefusalsOfDelivered(issue.id());
        DeliveryCounts counts = parts.deliveries().counts(issue.id());
        if (counts.pending() == 0) {
            parts.issues().complete(issue.id(), counts, parts.clock().instant());
        }
        return new SendReport(issue.number(), resumed, tally.sent.get(), tally.failed.get(),
                tally.skipped.get(), (int) counts.pending(), tally.inDoubt.get());
    }

    /** A reader of every category, whose preview shows the whole coming issue. */
    public Subscriber sampleReader() {
        Instant now = parts.clock().instant();
        return new Subscriber(0, EmailAddress.parse("preview@" + parts.mail().from().domain()), null,
                SubscriberStatus.ACTIVE, List.of(), "preview-token", now, now, null);
    }

    /** The digest a subscriber would get in the next issue, for {@code digest preview}. */
    public IssueContents preview() {
        return builder.preview();
    }

    /**
     * Passes over the due deliveries until none is pending: waiting for deferred ones to come due,
     * and for those other nodes hold (their claims end in a send, or lapse and come back).
     */
    private void deliverUntilDone(SendRun run) throws MailUnavailableException, InterruptedException {
        long issueId = run.issue().id();
        while (!run.stopRequested().getAsBoolean()) {
            pass(run);
            if (run.stopRequested().getAsBoolean() || !parts.claims().anyPending(issueId)) {
                return;
            }
            Instant next = parts.deliveries().nextRetry(issueId);
            Instant poll = parts.clock().instant().plus(OTHERS_POLL);
            waitUntil(next != null && next.isBefore(poll) ? next : poll, run.stopRequested());
        }
    }

    /** Sleeps in short steps so that a stop request ends the wait for a deferred message. */
    private void waitUntil(Instant when, BooleanSupplier stopRequested) throws InterruptedException {
        Duration wait = Duration.between(parts.clock().instant(), when);
        while (!wait.isNegative() && !wait.isZero() && !stopRequested.getAsBoolean()) {
            sleeper.sleep(wait.compareTo(STOP_CHECK) < 0 ? wait : STOP_CHECK);
            wait = Duration.between(parts.clock().instant(), when);
        }
    }

    private void pass(SendRun run) throws MailUnavailableException, InterruptedException {
        BlockingQueue<DeliveryJob> queue = new ArrayBlockingQueue<>(CLAIM);
        DeliveryWorkers workers = new DeliveryWorkers(parts, messages, run);
        // mail.concurrency is for all the nodes together; each keeps at least one connection.
        workers.start(queue, Math.max(1, parts.mail().concurrency() / Math.max(1, parts.liveNodes().getAsInt())));
        try {
            feed(run, queue, workers);
        } finally {
            workers.finish(queue);
        }
        workers.rethrow();
    }


    /**
     * Claims the due deliveries a batch at a time and queues them for the workers; a claim is made
     * only when the queue has room, so what this node holds unsent stays within about two batches.
     */
    private void feed(SendRun run, BlockingQueue<DeliveryJob> queue, DeliveryWorkers workers)
            throws InterruptedException {
        Instant passStart = parts.clock().instant();
        long after = 0;
        while (!workers.stopped()) {
            DeliveryClaims.Claim claim = parts.claims().claim(run.issue().id(), after, CLAIM,
                    parts.mail().claimLease(), passStart);
            after = claim.lastId();
            run.tally().failed.addAndGet(claim.inDoubt());
            run.tally().inDoubt.addAndGet(claim.inDoubt());
            if (claim.isEmpty()) {
                return;
            }
            List<DeliveryStore.Due> page = claim.due();
            SubscriberStore.Found found = parts.subscribers()
                    .byIds(page.stream().map(DeliveryStore.Due::subscriberId).toList());
            Map<Long, Subscriber> subscribers = found.subscribers().stream()
                    .collect(Collectors.toMap(Subscriber::id, Function.identity()));
            Set<Long> malformed = Set.copyOf(found.malformed());
            for (DeliveryStore.Due due : page) {
                Subscriber s = subscribers.get(due.subscriberId());
                // No job for a subscriber removed since the page was read.
                DeliveryJob job = s != null ? new DeliveryJob.Send(s, due.attempts())
                        : malformed.contains(due.subscriberId()) ? new DeliveryJob.Unaddressable(due.subscriberId())
                        : null;
                if (job != null && !workers.offer(queue, job)) {
                    return;
                }
            }
        }
    }
}
