package org.tidings.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.dsn.MessageHeaders;

/**
 * The parts of a multipart/report (RFC 6522): a human-readable part, the machine-readable report,
 * and the returned message or its headers. Parts are looked up by type rather than position, since
 * Gmail and Exchange put a multipart/related or multipart/alternative first.
 */
final class ReportParts {
    /** Our Message-IDs only: an id someone else made can match nothing of ours, so it is not passed on. */
    private static final Pattern OUR_MESSAGE_ID = Pattern.compile("<tidings\\.[A-Za-z0-9._-]{1,200}@[A-Za-z0-9.-]{1,253}>");
    private static final int MAX_LINE = 300;

    private final MimeMultipart parts;

    ReportParts(MimeMultipart parts) {
        this.parts = parts;
    }

    /** The first part of that type (without parameters, lower case), or null. */
    BodyPart part(String... types) throws MessagingException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart p = parts.getBodyPart(i);
            for (String type : types) {
                if (p.isMimeType(type)) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Our Message-ID as quoted in the returned message: its headers alone (text/rfc822-headers) or the
     * whole message (message/rfc822); RFC 6533's global forms for SMTPUTF8 mail too.
     */
    String originalMessageId() throws MessagingException, IOException {
        BodyPart headers = part("text/rfc822-headers", "message/global-headers");
        if (headers != null) {
            try (InputStream in = headers.getInputStream()) {
                return ours(new MessageHeaders(in).getHeader("Message-ID", null));
            }
        }
        BodyPart message = part("message/rfc822", "message/global");
        if (message != null) {
            try (InputStream in = message.getInputStream()) {
                return ours(new InternetHeaders(in).getHeader("Message-ID", null));
            }
        }
        return null;
    }

    /** The id when it is one of ours, else null. */
    static String ours(String messageId) {
        if (messageId == null) {
            return null;
        }
        String id = messageId.strip();
        return OUR_MESSAGE_ID.matcher(id).matches() ? id : null;
    }

    /** A remote server's words as one line for the admin: no control characters, whitespace collapsed, capped. */
    static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\s]+", " ").strip();
        if (line.isEmpty()) {
            return null;
        }
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }
}
