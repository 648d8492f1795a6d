package org.tidings.mail;

/**
 * The bounce mailbox cannot be read now (connect, log-in or TLS failed, the folder is missing, or the
 * connection dropped): nothing was lost, the next poll tries again. The message is one line naming
 * the server without its password, e.g. "Could not log in to inbound mailbox imaps://bounces:***@mail.example.org/INBOX: ...".
 */
public final class InboundUnavailableException extends Exception {
    public InboundUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
