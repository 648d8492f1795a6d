package org.tidings.mail;

/**
 * One connection's worth of sending. Not thread-safe: each worker thread opens its own.
 * A session outlives errors: after a failed message it reconnects on the next send.
 */
public interface MailSession extends AutoCloseable {
    SendOutcome send(MailMessage message) throws MailUnavailableException;

    @Override
    void close();
}
