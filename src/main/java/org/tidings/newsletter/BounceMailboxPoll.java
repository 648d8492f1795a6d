package org.tidings.newsletter;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.config.DeliverabilityConfig.InboundConfig;
import org.tidings.mail.InboundCounts;
import org.tidings.mail.InboundMailbox;
import org.tidings.mail.InboundReader;
import org.tidings.mail.InboundSink;
import org.tidings.mail.InboundUnavailableException;

/**
 * One poll of {@code inbound.url}: every message that came back is read and acted on (bounces,
 * complaints, unsubscribes by mail), the rest moved aside and counted.
 */
public final class BounceMailboxPoll implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(BounceMailboxPoll.class);

    private final InboundConfig mailbox;
    private final InboundReader reader;
    private final Supplier<? extends InboundSink> feedback;

    /** @param feedback a new one per poll: it holds no state between polls */
    public BounceMailboxPoll(InboundConfig mailbox, InboundReader reader, Supplier<? extends InboundSink> feedback) {
        this.mailbox = mailbox;
        this.reader = reader;
        this.feedback = feedback;
    }

    /** @throws IllegalStateException when the mailbox cannot be read now; its messages wait there */
    @Override
    public void run() {
        InboundCounts counts;
        try {
            counts = new InboundMailbox(mailbox).drain(reader, feedback.get());
        } catch (InboundUnavailableException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        if (!counts.equals(InboundCounts.NONE)) {
            LOG.info("inbound {}: {}", mailbox.safeUrl(), counts.describe());
        }
    }
}
