package org.tidings.mail;

import org.tidings.model.InboundReport;

/**
 * Where reports read from the bounce address go to be acted on (matched to a delivery, recorded).
 * The reader of the mailbox or pipe decides what becomes of the message from the verdict; an
 * exception means Tidings could not act now, and the message must be kept to be read again.
 */
public interface InboundSink {
    /** What became of a report. */
    enum Verdict {
        /** Matched and acted on (or already acted on: the same report seen again). */
        HANDLED,
        /** Not ours to act on (OTHER, or no delivery matched): counted and left alone. */
        IGNORED
    }

    Verdict accept(InboundReport report);
}
