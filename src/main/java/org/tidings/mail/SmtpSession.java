package org.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;

/**
 * One SMTP connection reused for many messages: a connection per message would cost a TCP and TLS
 * handshake and a login each time, and servers throttle clients that reconnect that often. The
 * connection is rotated after {@code messagesPerConnection} messages (servers cap messages per
 * connection too) and dropped after any error, so the next send starts on a fresh one.
 */
final class SmtpSession implements MailSession {
    // RFC 5321 4.5.3.2.7 lets a server drop an idle client after 5 minutes; some do it much sooner.
    private static final long IDLE_CHECK_NANOS = Duration.ofSeconds(30).toNanos();

    private final SmtpMailer mailer;
    private Transport transport;
    private int sentOnConnection;
    private long lastUsed;

    SmtpSession(SmtpMailer mailer) throws MailUnavailableException {
        this.mailer = mailer;
        connect();
    }

    @Override
    public SendOutcome send(MailMessage message) throws MailUnavailableException {
        MimeMessage mime;
        try {
            mime = mailer.composer().compose(message);
        } catch (MessagingException e) {
            return new SendOutcome.Rejected("Could not compose message: " + SmtpFailures.oneLine(e.getMessage()));
        }
        if (!mailer.pacer().awaitTurn()) {
            return new SendOutcome.Deferred("interrupted while waiting for the send rate");
        }
        ensureConnected();
        try {
            transport.sendMessage(mime, mime.getAllRecipients());
            sentOnConnection++;
            lastUsed = System.nanoTime();
            return new SendOutcome.Sent();
        } catch (MessagingException e) {
            // After a failure the server may be mid-transaction or gone; a fresh connection is the simple safe state.
            disconnect();
            return SmtpFailures.outcome(e);
        }
    }

    private void ensureConnected() throws MailUnavailableException {
        if (transport != null && sentOnConnection >= mailer.messagesPerConnection()) {
            disconnect();
        }
        // isConnected() costs a NOOP round trip, so only ask after a pause long enough for a server to give up on us.
        if (transport != null && System.nanoTime() - lastUsed > IDLE_CHECK_NANOS && !transport.isConnected()) {
            disconnect();
        }
        if (transport == null) {
            connect();
        }
    }

    private void connect() throws MailUnavailableException {
        transport = mailer.connector().connect();
        sentOnConnection = 0;
        lastUsed = System.nanoTime();
    }

    private void disconnect() {
        SmtpConnector.closeQuietly(transport);
        transport = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
