package org.tidings.mail;

/** What sending one message came to. Expected outcomes are values; only an unreachable server throws. */
public sealed interface SendOutcome {
    /** The server (or the outbox) accepted the message. */
    record Sent() implements SendOutcome {
    }

    /**
     * Try again later: a 4xx reply, or the connection was lost mid-message.
     *
     * @param reason one line for people, e.g. the server's reply "451 4.3.0 Try again later"
     */
    record Deferred(String reason) implements SendOutcome {
    }

    /**
     * A 5xx reply for this recipient or message: never retry.
     *
     * @param reason one line for people, e.g. "550 5.1.1 User unknown"
     */
    record Rejected(String reason) implements SendOutcome {
    }
}
