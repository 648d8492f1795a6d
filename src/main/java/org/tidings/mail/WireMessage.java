package org.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Enumeration;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.util.CRLFOutputStream;

/**
 * A message that is nothing but its finished bytes, written exactly as they are whatever the
 * transport asks. A DKIM signature covers these bytes, so nothing may re-encode or re-fold them
 * after signing: saving changes does nothing. Whoever asks for its headers (the transport, for the
 * recipients) gets those of the message it was written from. An SMTPMessage, so that an envelope
 * sender can be set per message as on any other.
 */
final class WireMessage extends SMTPMessage {
    private final byte[] bytes;

    /** @param composed the message the bytes were written from; copying its header lines costs far less than parsing */
    private WireMessage(Session session, MimeMessage composed, byte[] bytes) throws MessagingException {
        super(session);
        this.bytes = bytes;
        for (Enumeration<String> lines = composed.getAllHeaderLines(); lines.hasMoreElements();) {
            headers.addHeaderLine(lines.nextElement());
        }
    }

    /**
     * The message's bytes as the transport would write them, signed and frozen. CRLFOutputStream is
     * what the SMTP data stream applies itself: after it, the transport changes nothing a verifier
     * sees (the receiver undoes dot-stuffing).
     */
    static WireMessage signed(Session session, MimeMessage composed, DkimSigner signer) throws MessagingException {
        Buffer buffer = new Buffer();
        try (OutputStream out = new CRLFOutputStream(buffer)) {
            composed.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("Could not write the message to sign it", e);
        }
        return new WireMessage(session, composed, signer.sign(buffer.bytes()));
    }

    /**
     * The ignore list names the headers a transport leaves out (SMTP: Bcc and Content-Length); our
     * messages carry neither, and leaving a line out would break the signature anyway.
     */
    @Override
    public void writeTo(OutputStream os, String[] ignoreList) throws IOException {
        os.write(bytes);
    }

    @Override
    public void saveChanges() {
        // Frozen: see the class comment.
    }

    @Override
    protected void updateHeaders() {
        // Frozen: see the class comment.
    }

    /** A ByteArrayOutputStream without its lock on every write: CRLFOutputStream writes a line at a time. */
    private static final class Buffer extends OutputStream {
        private byte[] buffer = new byte[32 * 1024];
        private int length;

        @Override
        public void write(int b) {
            ensure(1);
            buffer[length++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buffer, length, len);
            length += len;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(length + more, buffer.length * 2));
            }
        }

        byte[] bytes() {
            return Arrays.copyOf(buffer, length);
        }
    }
}
