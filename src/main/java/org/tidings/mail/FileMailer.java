package org.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Properties;
import org.eclipse.angus.mail.util.CRLFOutputStream;
import org.tidings.config.MailConfig;
import org.tidings.model.EmailAddress;

/**
 * The file adapter: each message becomes an RFC 5322 .eml file in the outbox, for trying Tidings
 * without a mail server and for inspecting what would be sent. The file is named after the
 * Message-ID, so sending the same message again replaces its file instead of adding a second one.
 */
final class FileMailer implements Mailer {
    private static final int MAX_NAME = 120;

    private final Path outbox;
    private final MimeComposer composer;

    FileMailer(Path outbox, MimeComposer composer) {
        this.outbox = outbox;
        this.composer = composer;
    }

    /** @param dkim signs every message, or null to write them unsigned */
    static FileMailer create(MailConfig config, Path outbox, Clock clock, DkimKey dkim) {
        return new FileMailer(outbox, new MimeComposer(Session.getInstance(new Properties()), config, clock, dkim));
    }

    @Override
    public MailSession open() throws MailUnavailableException {
        try {
            Files.createDirectories(outbox);
        } catch (IOException e) {
            throw unavailable(e);
        }
        if (!Files.isWritable(outbox)) {
            throw new MailUnavailableException("Could not write to outbox " + outbox + ": not writable", null);
        }
        return new OutboxSession();
    }

    /** Safe on every file system: the Message-ID's plain characters, plus a hash when anything had to change. */
    static String fileName(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        String safe = id.replaceAll("[^A-Za-z0-9._@+=-]", "_").replaceFirst("^\\.", "_");
        boolean changed = !safe.equals(id) || safe.isEmpty() || safe.length() > MAX_NAME;
        if (safe.length() > MAX_NAME) {
            safe = safe.substring(0, MAX_NAME);
        }
        // Without the hash, "a/b@x" and "a_b@x" would share a file and one message would replace another.
        return (changed ? safe + "-" + shortHash(messageId) : safe) + ".eml";
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /**
     * What the receiving server would add from MAIL FROM (RFC 5321 4.4): with no server here, the
     * file says itself where its bounces would go. Nothing when they go to mail.from.
     */
    private static void writeReturnPath(OutputStream out, EmailAddress returnPath) throws IOException {
        if (returnPath != null) {
            String header = "Return-Path: <" + HeaderText.clean(returnPath.value()) + ">\r\n";
            out.write(header.getBytes(StandardCharsets.US_ASCII));
        }
    }

    private MailUnavailableException unavailable(Exception e) {
        return new MailUnavailableException("Could not write to outbox " + outbox + ": " + e, e);
    }

    private final class OutboxSession implements MailSession {
        @Override
        public SendOutcome send(MailMessage message) throws MailUnavailableException {
            MimeMessage mime;
            try {
                mime = composer.compose(message);
            } catch (MessagingException e) {
                return new SendOutcome.Rejected("Could not compose message: " + SmtpFailures.oneLine(e.getMessage()));
            }
            Path target = outbox.resolve(fileName(message.messageId()));
            Path temp = null;
            try {
                // In the outbox itself, so the move is a rename; the dot keeps half-written files out of sight.
                temp = Files.createTempFile(outbox, ".", ".part");
                try (OutputStream out = new CRLFOutputStream(Files.newOutputStream(temp))) {
                    writeReturnPath(out, message.returnPath());
                    mime.writeTo(out);
                }
                move(temp, target);
                return new SendOutcome.Sent();
            } catch (MessagingException e) {
                deleteQuietly(temp);
                return new SendOutcome.Rejected("Could not compose message: " + SmtpFailures.oneLine(e.getMessage()));
            } catch (IOException e) {
                deleteQuietly(temp);
                throw unavailable(e);
            }
        }

        private void move(Path temp, Path target) throws IOException {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        private void deleteQuietly(Path temp) {
            try {
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                // A leftover hidden .part file is harmless; the original error is the one to report.
            }
        }

        @Override
        public void close() {
            // Nothing is held open between messages.
        }
    }
}
