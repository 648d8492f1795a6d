package org.tidings.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.tidings.model.InboundKind;
import org.tidings.model.InboundReport;

/**
 * Reads a delivery status notification (RFC 3464, multipart/report; report-type=delivery-status).
 * We send one recipient per message, so a DSN names one recipient; should it name several, the
 * gravest outcome wins, so that a hard failure is never hidden behind a delay.
 */
final class DeliveryStatusReport {
    /** RFC 3463: class.subject.detail; only 2, 4 and 5 are classes. */
    private static final Pattern STATUS = Pattern.compile("[245]\\.[0-9]{1,3}\\.[0-9]{1,3}");
    /** The diagnostic type ("smtp;", "X-Postfix;") says how to read the text, not what it says. */
    private static final Pattern DIAGNOSTIC_TYPE = Pattern.compile("^\\s*[A-Za-z0-9-]{1,20}\\s*;\\s*");

    private DeliveryStatusReport() {
    }

    private record Recipient(InboundKind kind, String action, String status, String diagnostic) {
    }

    static InboundReport read(ReportParts parts, String verpDetail) throws MessagingException, IOException {
        BodyPart statusPart = parts.part("message/delivery-status", "message/global-delivery-status");
        if (statusPart == null) {
            return new InboundReport(InboundKind.OTHER, verpDetail, null, null,
                    "a delivery report without its message/delivery-status part");
        }
        DeliveryStatus dsn = parse(statusPart);
        String messageId = parts.originalMessageId();
        if (messageId == null) {
            // Gmail names the bounced message here and sometimes returns none of its headers.
            messageId = ReportParts.ours(dsn.getMessageDSN().getHeader("X-Original-Message-ID", null));
        }
        Recipient worst = worst(dsn);
        if (worst == null) {
            return new InboundReport(InboundKind.OTHER, verpDetail, messageId, null,
                    "a delivery report that names no recipient's action");
        }
        String diagnostic = worst.kind() == InboundKind.OTHER
                ? "a delivery report saying " + worst.action() : worst.diagnostic();
        return new InboundReport(worst.kind(), verpDetail, messageId, worst.status(), diagnostic);
    }

    /**
     * The part is read into memory before parsing: DeliveryStatus reads recipient blocks for as long
     * as its stream claims bytes are available, which only an in-memory stream reports exactly. The
     * whole message is capped already, so this is bounded.
     */
    private static DeliveryStatus parse(BodyPart part) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        return new DeliveryStatus(new ByteArrayInputStream(bytes));
    }

    private static Recipient worst(DeliveryStatus dsn) {
        Recipient worst = null;
        for (int i = 0; i < dsn.getRecipientDSNCount(); i++) {
            Recipient r = recipient(dsn.getRecipientDSN(i));
            if (r != null && (worst == null || severity(r.kind()) > severity(worst.kind()))) {
                worst = r;
            }
        }
        return worst;
    }

    private static Recipient recipient(InternetHeaders fields) {
        String action = firstWord(fields.getHeader("Action", null));
        if (action == null) {
            return null;
        }
        String status = firstWord(fields.getHeader("Status", null));
        status = status != null && STATUS.matcher(status).matches() ? status : null;
        String diagnostic = fields.getHeader("Diagnostic-Code", null);
        diagnostic = diagnostic == null ? null : ReportParts.oneLine(DIAGNOSTIC_TYPE.matcher(diagnostic).replaceFirst(""));
        return new Recipient(kind(action, status), action, status, diagnostic);
    }

    /**
     * A failure without a readable status counts as soft: a soft bounce only ends a subscription
     * after several in a row, so a garbled report cannot end one at once.
     */
    private static InboundKind kind(String action, String status) {
        return switch (action) {
            case "failed" -> status != null && status.startsWith("5.") ? InboundKind.HARD_BOUNCE : InboundKind.SOFT_BOUNCE;
            case "delayed" -> InboundKind.SOFT_BOUNCE;
            default -> InboundKind.OTHER; // delivered, relayed, expanded: nothing went wrong
        };
    }

    private static int severity(InboundKind kind) {
        return kind == InboundKind.HARD_BOUNCE ? 2 : kind == InboundKind.SOFT_BOUNCE ? 1 : 0;
    }

    private static String firstWord(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().split("[\\s(;]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
