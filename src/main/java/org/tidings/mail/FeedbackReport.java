package org.tidings.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.tidings.model.InboundKind;
import org.tidings.model.InboundReport;

/**
 * Reads an abuse feedback report (ARF, RFC 5965: multipart/report; report-type=feedback-report), the
 * form in which Yahoo, AOL and Microsoft pass on a reader's "this is spam". Only the types that mean
 * a reader objected are complaints: an auth-failure report (RFC 6591) is about our DNS, a not-spam
 * report is the opposite of a complaint, and "other" says nothing we can act on.
 */
final class FeedbackReport {
    private static final Set<String> COMPLAINT_TYPES = Set.of("abuse", "fraud", "virus");

    private FeedbackReport() {
    }

    /**
     * @param verpDetail the token of the address the report came to; a report sent to the plain
     *     feedback address carries ours in its Original-Mail-From field instead (RFC 5965 3.2)
     */
    static InboundReport read(ReportParts parts, String verpDetail, VerpDetail verp)
            throws MessagingException, IOException {
        BodyPart feedbackPart = parts.part("message/feedback-report");
        if (feedbackPart == null) {
            return new InboundReport(InboundKind.OTHER, verpDetail, null, null,
                    "a feedback report without its message/feedback-report part");
        }
        InternetHeaders fields;
        try (InputStream in = feedbackPart.getInputStream()) {
            fields = new InternetHeaders(in);
        }
        if (verpDetail == null) {
            verpDetail = verp.detailOf(fields.getHeader("Original-Mail-From", null));
        }
        String type = fields.getHeader("Feedback-Type", null);
        type = type == null ? "none" : type.strip().toLowerCase(Locale.ROOT);
        String messageId = parts.originalMessageId();
        if (!COMPLAINT_TYPES.contains(type)) {
            return new InboundReport(InboundKind.OTHER, verpDetail, messageId, null,
                    ReportParts.oneLine("a feedback report of type " + type + ", not a complaint"));
        }
        String agent = fields.getHeader("User-Agent", null);
        String diagnostic = "feedback report: " + type + (agent == null ? "" : " (" + agent + ")");
        return new InboundReport(InboundKind.COMPLAINT, verpDetail, messageId, null, ReportParts.oneLine(diagnostic));
    }
}
