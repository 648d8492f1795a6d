package org.tidings.mail;

import java.util.Objects;
import org.tidings.model.EmailAddress;

/**
 * One message to one recipient.
 *
 * @param toName display name of the recipient, or null
 * @param html the HTML alternative, or null for a text-only message
 * @param messageId the full {@code <...@domain>} form; the outbox file name derives from it
 * @param list List-* headers, or null for mail that is not list traffic (e.g. a confirmation)
 * @param returnPath the envelope sender (SMTP MAIL FROM, and so the Return-Path the receiver
 *     adds) where bounces go, e.g. {@code bounces+TOKEN@example.org}; null for {@code mail.from}
 */
public record MailMessage(EmailAddress to, String toName, String subject, String text, String html, String messageId,
        ListHeaders list, EmailAddress returnPath) {
    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(messageId, "messageId");
    }

    /** A message whose bounces go to {@code mail.from}. */
    public MailMessage(EmailAddress to, String toName, String subject, String text, String html, String messageId,
            ListHeaders list) {
        this(to, toName, subject, text, html, messageId, list, null);
    }
}
