package org.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import org.tidings.config.MailConfig;

/**
 * The package-private MIME composer, opened to the newsletter benchmark: the complete message bytes
 * exactly as {@link SmtpSession} sends them, and the naive baseline of a new connection per message
 * ({@code Transport.send}) over the same Jakarta Mail session properties.
 */
public final class BenchComposer {
    private final MimeComposer composer;

    /** @param dkim the signing key as the mailer has it, or null for unsigned messages */
    public BenchComposer(MailConfig config, Clock clock, DkimKey dkim) {
        SmtpConnector connector = new SmtpConnector(config.smtp(), config.from());
        this.composer = new MimeComposer(connector.session(), config, clock, dkim);
    }

    /**
     * Composes the message and writes its bytes as they would go after DATA; returns how many. Buffered
     * like the SMTP transport's socket stream, since Jakarta Mail writes encoded bodies a byte at a time.
     */
    public long write(MailMessage message, OutputStream out) throws IOException {
        CountingStream counting = new CountingStream(out);
        try {
            OutputStream buffered = new BufferedOutputStream(counting, 8192);
            composer.compose(message).writeTo(buffered);
            buffered.flush();
        } catch (MessagingException e) {
            throw new IOException("Could not compose " + message.messageId() + ": " + e.getMessage(), e);
        }
        return counting.count;
    }

    /** Connects, says EHLO, sends the one message and quits: what most code that "just sends mail" does. */
    public void sendOnNewConnection(MailMessage message) throws IOException {
        try {
            MimeMessage mime = composer.compose(message);
            Transport.send(mime);
        } catch (MessagingException e) {
            throw new IOException("Could not send " + message.messageId() + ": " + e.getMessage(), e);
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream out;
        private long count;

        CountingStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
