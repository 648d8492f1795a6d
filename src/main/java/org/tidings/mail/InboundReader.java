package org.tidings.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePartDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import org.tidings.model.EmailAddress;
import org.tidings.model.InboundKind;
import org.tidings.model.InboundReport;

/**
 * The front door for mail that reached the bounce address: one raw RFC 5322 message in, an
 * {@link InboundReport} out. Every message is hostile until matched, so bad input of any kind
 * becomes an OTHER report saying why; only a failing input stream throws. Thread-safe.
 *
 * <p>Report parts are parsed with the dsn module's classes straight from their streams, never
 * through {@code getContent()}: that way nothing depends on which mailcap files the classpath (or a
 * shaded jar, which keeps only one {@code META-INF/mailcap}) happens to hold.
 */
public final class InboundReader {
    /** Bounces quote at most the returned message; Postfix caps that at 50 kB by default. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private final Session session;
    private final VerpDetail verp;

    /** @param bounceAddress the configured {@code mail.bounce-address}, without a '+' detail */
    public InboundReader(EmailAddress bounceAddress) {
        Properties props = new Properties();
        // Senders of bounces are often sloppy about MIME parameters; lenient parsing reads more of them.
        props.setProperty("mail.mime.parameters.strict", "false");
        this.session = Session.getInstance(props);
        this.verp = new VerpDetail(bounceAddress);
    }

    /**
     * @param raw the whole message; read to its end even when it is too large to parse
     * @param envelopeRecipient the address the MTA delivered to (Postfix's {@code ${recipient}}), or null
     * @throws IOException only when reading {@code raw} fails
     */
    public InboundReport read(InputStream raw, String envelopeRecipient) throws IOException {
        InputStream bytes = BoundedRead.atMost(raw, MAX_BYTES);
        return bytes == null ? tooLarge() : parsed(bytes, envelopeRecipient);
    }

    /** What a message past {@link #MAX_BYTES} is: nothing we sent comes back that large. */
    public static InboundReport tooLarge() {
        return InboundReport.other("too large: over " + MAX_BYTES / (1024 * 1024) + " MB, not parsed");
    }

    private InboundReport parsed(InputStream bytes, String envelopeRecipient) {
        MimeMessage message;
        String detail;
        try {
            message = new MimeMessage(session, bytes);
            detail = verp.find(envelopeRecipient, message);
        } catch (MessagingException | RuntimeException e) {
            return InboundReport.other(ReportParts.oneLine("unreadable headers: " + e.getMessage()));
        }
        if (detail != null && detail.toLowerCase(Locale.ROOT).startsWith("unsubscribe-")) {
            // Whatever it says: the address alone is the request (RFC 2369's mailto: unsubscribe).
            return new InboundReport(InboundKind.UNSUBSCRIBE, detail, null, null, "mail to the unsubscribe address");
        }
        try {
            return classified(message, detail);
        } catch (MessagingException | IOException | RuntimeException e) {
            // A RuntimeException too: a parser's bug on hostile bytes must cost this message, not the batch.
            return new InboundReport(InboundKind.OTHER, detail, null, null,
                    ReportParts.oneLine("broken MIME: " + e.getMessage()));
        }
    }

    private InboundReport classified(MimeMessage message, String detail) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return new InboundReport(InboundKind.OTHER, detail, null, null, notAReport(message));
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        ReportParts parts = new ReportParts(new MimeMultipart(new MimePartDataSource(message)));
        String type = reportType == null ? "" : reportType.strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "delivery-status" -> DeliveryStatusReport.read(parts, detail);
            case "feedback-report" -> FeedbackReport.read(parts, detail, verp);
            default -> new InboundReport(InboundKind.OTHER, detail, null, null,
                    ReportParts.oneLine("a report of type '" + type + "', neither a delivery report nor a complaint"));
        };
    }

    /** RFC 3834's Auto-Submitted marks auto-replies; Exchange and others add their own markers. */
    private static String notAReport(MimeMessage message) throws MessagingException {
        String auto = message.getHeader("Auto-Submitted", null);
        boolean autoReply = auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")
                || message.getHeader("X-Autoreply", null) != null || message.getHeader("X-Autorespond", null) != null;
        return autoReply ? "an auto-reply, not a delivery report"
                : "neither a delivery report, a complaint nor mail to the unsubscribe address";
    }
}
