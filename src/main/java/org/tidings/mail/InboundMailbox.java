package org.tidings.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.config.DeliverabilityConfig.InboundConfig;
import org.tidings.model.InboundReport;

/**
 * The bounce mailbox over IMAP or POP3: each drain connects, hands every message's report to the
 * sink, acts on its verdict and disconnects. What a handled message said now lives in our store, so it
 * is deleted; an ignored one is moved to {@value #IGNORED_FOLDER} on IMAP for a human to look at. A
 * sink that throws could not act now: the message stays where it is and is read again next poll
 * (acting on a report twice changes nothing, so a crash between acting and deleting is harmless).
 */
public final class InboundMailbox {
    public static final String IGNORED_FOLDER = "Tidings-Ignored";
    private static final Logger LOG = LoggerFactory.getLogger(InboundMailbox.class);

    private final MailboxConnector connector;
    private final String name;

    public InboundMailbox(InboundConfig config) {
        this.connector = new MailboxConnector(config);
        this.name = config.safeUrl();
    }

    /** Opens and closes the mailbox, for {@code tidings doctor}. */
    public static void check(InboundConfig config) throws InboundUnavailableException {
        MailboxConnector connector = new MailboxConnector(config);
        Store store = connector.connect();
        try {
            connector.open(store, Folder.READ_ONLY).close(false);
        } catch (MessagingException e) {
            throw connector.lost(e);
        } finally {
            MailboxConnector.closeQuietly(store);
        }
    }

    public InboundCounts drain(InboundReader reader, InboundSink sink) throws InboundUnavailableException {
        Store store = connector.connect();
        try {
            Folder inbox = connector.open(store, Folder.READ_WRITE);
            Message[] messages = inbox.getMessages();
            FetchProfile sizes = new FetchProfile();
            sizes.add(FetchProfile.Item.SIZE);
            sizes.add(FetchProfile.Item.FLAGS);
            inbox.fetch(messages, sizes);
            Disposal disposal = connector.isImap() ? new Disposal.MoveAside(store) : new Disposal.DeleteAll();
            InboundCounts counts = InboundCounts.NONE;
            for (Message m : messages) {
                counts = counts.plus(one(m, reader, sink, disposal));
            }
            // Expunges what was deleted (IMAP) or sends the DELEs (POP3, which only deletes on QUIT).
            inbox.close(true);
            return counts;
        } catch (MessagingException e) {
            throw connector.lost(e);
        } finally {
            MailboxConnector.closeQuietly(store);
        }
    }

    private InboundCounts one(Message m, InboundReader reader, InboundSink sink, Disposal disposal)
            throws MessagingException {
        if (m.isExpunged() || m.isSet(Flags.Flag.DELETED)) {
            return InboundCounts.NONE; // a previous drain dealt with it and was cut off before expunging
        }
        InboundReport report = report(m, reader);
        if (report == null) {
            disposal.ignored(m);
            return new InboundCounts(0, 1, 0);
        }
        InboundSink.Verdict verdict;
        try {
            verdict = sink.accept(report);
        } catch (RuntimeException e) {
            LOG.warn("Could not act on message {} of inbound mailbox {}, kept for the next poll: {}",
                    m.getMessageNumber(), name, e.toString());
            return new InboundCounts(0, 0, 1);
        }
        if (verdict == InboundSink.Verdict.HANDLED) {
            m.setFlag(Flags.Flag.DELETED, true);
            return new InboundCounts(1, 0, 0);
        }
        disposal.ignored(m);
        return new InboundCounts(0, 1, 0);
    }

    /** The message's report, or null when the server could not give us the message. */
    private InboundReport report(Message m, InboundReader reader) throws MessagingException {
        // The size comes with the listing, so a huge message is never downloaded.
        if (m.getSize() > InboundReader.MAX_BYTES) {
            return InboundReader.tooLarge();
        }
        try {
            ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(m.getSize(), 1024));
            m.writeTo(raw);
            return reader.read(new ByteArrayInputStream(raw.toByteArray()), null);
        } catch (FolderClosedException | StoreClosedException e) {
            throw e; // the connection is gone: the whole drain stops and nothing is moved
        } catch (MessagingException | IOException e) {
            LOG.warn("Could not read message {} of inbound mailbox {}, ignored: {}", m.getMessageNumber(), name,
                    e.toString());
            return null;
        }
    }
}
