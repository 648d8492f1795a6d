package org.tidings.mail;

/** What opening a connection to a mail server, and closing it again without sending, came to. */
public sealed interface ProbeResult {
    /**
     * The server answered and let us in.
     *
     * @param detail what was done, such as "EHLO, STARTTLS, AUTH as news"
     * @param caveat something that works but should change, or null
     */
    record Reached(String detail, String caveat) implements ProbeResult {
    }

    /** @param reason one line: "Could not connect to SMTP server mail.example.org:587: connection refused" */
    record Failed(String reason) implements ProbeResult {
    }
}
