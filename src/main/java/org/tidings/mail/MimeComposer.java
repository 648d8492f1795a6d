package org.tidings.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.tidings.config.MailConfig;
import org.tidings.model.EmailAddress;

/**
 * Turns a {@link MailMessage} into a MIME message: multipart/alternative (text first, so clients that
 * prefer the last part they understand show the HTML), UTF-8 bodies, RFC 2047 encoded subject and
 * names, our own Message-ID and the List-* and Feedback-ID headers of a newsletter. Every header value
 * passes through {@link HeaderText#clean} first. With a DKIM key, the message comes out signed and frozen.
 */
final class MimeComposer {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    // RFC 5322 specials without the space: "Tidings News" needs no quotes, "Tidings, News" does.
    private static final String PHRASE_SPECIALS = "()<>@,;:\\\".[]";

    private final Session session;
    private final InternetAddress from;
    private final InternetAddress replyTo;
    private final Clock clock;
    /** Null when {@code mail.dkim.*} is not set. */
    private final DkimSigner signer;

    MimeComposer(Session session, MailConfig config, Clock clock) {
        this(session, config, clock, null);
    }

    /** @param dkim the signing key, or null to send unsigned */
    MimeComposer(Session session, MailConfig config, Clock clock, DkimKey dkim) {
        this.session = session;
        this.from = mailbox(config.from(), config.fromName());
        this.replyTo = config.replyTo() == null ? null : mailbox(config.replyTo(), null);
        this.clock = clock;
        this.signer = dkim == null ? null : new DkimSigner(dkim, clock);
    }

    MimeMessage compose(MailMessage m) throws MessagingException {
        OwnIdMimeMessage mime = new OwnIdMimeMessage(session, messageId(m.messageId()));
        if (m.returnPath() != null) {
            // Per message, so one reused connection can send each message with its own VERP address;
            // no Return-Path header: the receiving server writes that one from MAIL FROM.
            mime.setEnvelopeFrom(HeaderText.clean(m.returnPath().value()));
        }
        mime.setFrom(from);
        if (replyTo != null) {
            mime.setReplyTo(new Address[] {replyTo});
        }
        mime.setRecipient(Message.RecipientType.TO, mailbox(m.to(), m.toName()));
        mime.setSubject(HeaderText.clean(m.subject()), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));
        if (m.list() != null) {
            addListHeaders(mime, m.list());
        }
        if (m.html() == null) {
            mime.setText(m.text(), UTF_8);
        } else {
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(part(m.text(), "plain"));
            alternative.addBodyPart(part(m.html(), "html"));
            mime.setContent(alternative);
        }
        // Sets MIME-Version, the multipart Content-Type and our Message-ID; the parts keep the headers they have.
        mime.saveChanges();
        if (signer == null) {
            return mime;
        }
        // The signed copy is a new message: the envelope sender is not a header, so it is carried over.
        WireMessage signed = WireMessage.signed(session, mime, signer);
        signed.setEnvelopeFrom(mime.getEnvelopeFrom());
        return signed;
    }

    /**
     * A part built from bytes already in their transfer encoding: Jakarta writes such content as it
     * is and, since both headers are set, does not scan it again on save.
     */
    private static MimeBodyPart part(String content, String subtype) throws MessagingException {
        EncodedBody body = EncodedBody.of(content);
        InternetHeaders headers = new InternetHeaders();
        headers.setHeader("Content-Type", "text/" + subtype + "; charset=" + UTF_8);
        headers.setHeader("Content-Transfer-Encoding", body.transferEncoding());
        return new MimeBodyPart(headers, body.bytes());
    }

    private static void addListHeaders(MimeMessage mime, ListHeaders list) throws MessagingException {
        mime.setHeader("List-Id", MimeUtility.fold("List-Id: ".length(), listId(list.listId())));
        List<String> targets = new ArrayList<>();
        for (URI uri : new URI[] {list.unsubscribeUrl(), list.unsubscribeMailto()}) {
            if (uri != null) {
                targets.add("<" + HeaderText.clean(uri.toASCIIString()) + ">");
            }
        }
        if (!targets.isEmpty()) {
            mime.setHeader("List-Unsubscribe",
                    MimeUtility.fold("List-Unsubscribe: ".length(), String.join(", ", targets)));
        }
        // RFC 8058: one-click means a POST to the URL; a mailto alone cannot promise that.
        if (list.unsubscribeUrl() != null) {
            mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        if (list.feedbackId() != null) {
            mime.setHeader("Feedback-ID", MimeUtility.fold("Feedback-ID: ".length(), HeaderText.clean(list.feedbackId())));
        }
    }

    /** RFC 2919: an optional phrase, then {@code <list-id>}; the phrase is quoted or encoded as a display name is. */
    static String listId(String raw) {
        String value = HeaderText.clean(raw).strip();
        int open = value.lastIndexOf('<');
        String phrase = open > 0 ? value.substring(0, open).strip() : "";
        if (phrase.isEmpty()) {
            return value;
        }
        String id = value.substring(open);
        boolean ascii = phrase.chars().allMatch(c -> c < 0x80);
        try {
            String word = ascii ? MimeUtility.quote(phrase, PHRASE_SPECIALS)
                    : MimeUtility.encodeWord(phrase, UTF_8, "Q");
            return word + " " + id;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static String messageId(String raw) {
        String id = HeaderText.clean(raw).strip();
        return id.startsWith("<") ? id : "<" + id + ">";
    }

    private static InternetAddress mailbox(EmailAddress address, String name) {
        String personal = HeaderText.clean(name);
        try {
            return personal == null || personal.isBlank() ? new InternetAddress(address.value(), null, UTF_8)
                    : new InternetAddress(address.value(), personal.strip(), UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /**
     * Keeps our Message-ID: the stock one would be generated on every save, and generating it looks up
     * the local host name, which can stall for seconds per message on a host without DNS for itself.
     * An {@link SMTPMessage} because that is where Angus's SMTP transport reads a message's own
     * envelope sender; written to a file it is a plain MIME message.
     */
    private static final class OwnIdMimeMessage extends SMTPMessage {
        private final String messageId;

        OwnIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
