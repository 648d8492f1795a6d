package org.tidings.mail;

/**
 * The server cannot be reached at all (connect, authentication or TLS failed), or the outbox cannot be
 * written: nothing will get through, so the caller stops the whole run instead of failing every recipient.
 * The message is one line, e.g. "Could not connect to SMTP server mail.example.org:587: connection refused".
 */
public final class MailUnavailableException extends Exception {
    public MailUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
