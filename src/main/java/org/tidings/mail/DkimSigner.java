package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Signs a message with DKIM (RFC 6376, relaxed/relaxed; rsa-sha256 or RFC 8463's ed25519-sha256).
 * It takes the complete bytes the transport is about to send and gives them back with a
 * DKIM-Signature field in front, so that nothing can re-encode or re-fold the message between
 * signing and sending.
 *
 * <p>Written here rather than taken from a library: Apache jDKIM 0.5 signs RSA only, and
 * utils-mail-dkim 3.2.2 signs the header data itself with Ed25519 where RFC 8463 signs its
 * SHA-256 hash, which no verifier accepts.
 */
final class DkimSigner {
    /**
     * Signed when present. RFC 8058 section 4 asks that the signature cover List-Unsubscribe and
     * List-Unsubscribe-Post, so that the one-click promise cannot be altered on the way.
     */
    private static final List<String> SIGNED = List.of("from", "to", "subject", "date", "message-id",
            "mime-version", "content-type", "list-id", "list-unsubscribe", "list-unsubscribe-post", "feedback-id");
    /**
     * Listed once more than they occur (RFC 6376 section 8.15): a second From or Subject added on the
     * way, which some clients would show instead of ours, then breaks the signature.
     */
    private static final List<String> OVERSIGNED = List.of("from", "subject");
    private static final int LINE = 76;

    private final DkimKey key;
    private final Clock clock;

    DkimSigner(DkimKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** @param message the wire form: CRLF line ends, headers, an empty line, the body */
    byte[] sign(byte[] message) {
        int bodyStart = DkimCanonical.bodyStart(message);
        List<DkimCanonical.Field> fields = DkimCanonical.fields(message, bodyStart);
        List<String> names = new ArrayList<>();
        StringBuilder signed = new StringBuilder(1024);
        for (String name : SIGNED) {
            DkimCanonical.Field field = last(fields, name);
            if (field != null) {
                names.add(name);
                signed.append(DkimCanonical.header(name, field.raw())).append("\r\n");
            }
        }
        // Listed again, they stand for fields that are not there: nothing to add to the signed data.
        names.addAll(OVERSIGNED);
        String unsigned = signatureField(names, bodyHash(message, bodyStart));
        signed.append(DkimCanonical.header("dkim-signature", unsigned));
        byte[] b = key.sign(signed.toString().getBytes(StandardCharsets.ISO_8859_1));
        byte[] field = (unsigned + folded(Base64.getEncoder().encodeToString(b), "b=".length() + 1) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[field.length + message.length];
        System.arraycopy(field, 0, out, 0, field.length);
        System.arraycopy(message, 0, out, field.length, message.length);
        return out;
    }

    /** The bottom-most instance, the one a verifier takes first (RFC 6376 section 5.4.2). */
    private static DkimCanonical.Field last(List<DkimCanonical.Field> fields, String name) {
        for (int i = fields.size() - 1; i >= 0; i--) {
            if (fields.get(i).lowerName().equals(name)) {
                return fields.get(i);
            }
        }
        return null;
    }

    private static String bodyHash(byte[] message, int bodyStart) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            DkimCanonical.body(message, bodyStart, digest);
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The field up to an empty b= tag, folded so that no line passes {@value #LINE} characters. */
    private String signatureField(List<String> names, String bodyHash) {
        String time = Long.toString(clock.instant().getEpochSecond());
        StringBuilder out = new StringBuilder("DKIM-Signature: v=1; a=").append(key.algorithm())
                .append("; c=relaxed/relaxed; d=").append(key.domain()).append("; s=").append(key.selector())
                .append(";\r\n\tt=").append(time).append("; h=");
        int column = "\tt=; h=".length() + time.length();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) + (i + 1 < names.size() ? ":" : ";");
            if (column + name.length() > LINE) {
                out.append("\r\n\t ");
                column = 2;
            }
            out.append(name);
            column += name.length();
        }
        return out.append("\r\n\tbh=").append(bodyHash).append(";\r\n\tb=").toString();
    }

    /** Base64 in lines of at most {@value #LINE}; the folding whitespace is not part of the value (RFC 6376 section 3.5). */
    private static String folded(String base64, int firstColumn) {
        StringBuilder out = new StringBuilder(base64.length() + 16);
        int at = 0;
        int room = LINE - firstColumn;
        while (base64.length() - at > room) {
            out.append(base64, at, at + room).append("\r\n\t ");
            at += room;
            room = LINE - 2;
        }
        return out.append(base64, at, base64.length()).toString();
    }
}
