package org.tidings.mail;

/**
 * What one drain of the bounce mailbox did.
 *
 * @param handled reports acted on; their messages are deleted
 * @param ignored messages that were not ours to act on (or could not be read); moved aside on IMAP,
 *     deleted on POP3
 * @param kept messages left in place because acting on them failed; read again at the next poll
 */
public record InboundCounts(int handled, int ignored, int kept) {
    public static final InboundCounts NONE = new InboundCounts(0, 0, 0);

    InboundCounts plus(InboundCounts other) {
        return new InboundCounts(handled + other.handled, ignored + other.ignored, kept + other.kept);
    }

    /** For logs: "3 handled, 1 ignored, 0 kept for the next poll". */
    public String describe() {
        return handled + " handled, " + ignored + " ignored, " + kept + " kept for the next poll";
    }
}
