package org.tidings.mail;

/** Opens sending sessions; thread-safe, so workers share one and each opens its own session. */
public interface Mailer {
    /** Connects right away, so an unreachable server shows up before the first message. */
    MailSession open() throws MailUnavailableException;
}
