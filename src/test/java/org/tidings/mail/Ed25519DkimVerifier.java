package org.tidings.mail;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A verifier of ed25519-sha256, relaxed/relaxed DKIM signatures (RFC 6376 section 6, RFC 8463),
 * written for the tests straight from the RFCs with regular expressions over strings, so that it
 * shares nothing with the signer's byte-level canonicalization. Apache jDKIM, which checks the RSA
 * signatures, knows no Ed25519.
 */
final class Ed25519DkimVerifier {
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private Ed25519DkimVerifier() {
    }

    /** The tags of the message's first DKIM-Signature field, whitespace removed from their values. */
    static Map<String, String> tags(String message) {
        Map<String, String> tags = new LinkedHashMap<>();
        String value = signatureField(message).substring("DKIM-Signature:".length());
        for (String tag : value.split(";")) {
            int eq = tag.indexOf('=');
            if (eq > 0) {
                tags.put(tag.substring(0, eq).strip(), tag.substring(eq + 1).replaceAll("[ \t\r\n]", ""));
            }
        }
        return tags;
    }

    static boolean verifies(byte[] raw, byte[] publicKey) throws Exception {
        String message = new String(raw, StandardCharsets.ISO_8859_1);
        Map<String, String> tags = tags(message);
        if (!tags.get("a").equals("ed25519-sha256") || !tags.get("c").equals("relaxed/relaxed")) {
            return false;
        }
        int split = message.indexOf("\r\n\r\n");
        String body = relaxedBody(message.substring(split + 4));
        String bodyHash = Base64.getEncoder().encodeToString(sha256(body));
        if (!bodyHash.equals(tags.get("bh"))) {
            return false;
        }
        List<String> fields = List.of(message.substring(0, split).split("\r\n(?![ \t])"));
        StringBuilder data = new StringBuilder();
        Map<String, Integer> used = new HashMap<>();
        for (String name : tags.get("h").toLowerCase(Locale.ROOT).split(":")) {
            String field = fromBottom(fields, name, used.merge(name, 1, Integer::sum));
            if (field != null) {
                data.append(relaxedHeader(field)).append("\r\n");
            }
        }
        String withoutB = signatureField(message).replaceAll("(;[ \t\r\n]*b[ \t\r\n]*=)[^;]*", "$1");
        data.append(relaxedHeader(withoutB));
        Signature ed = Signature.getInstance("Ed25519");
        ed.initVerify(publicKey(publicKey));
        ed.update(sha256(data.toString()));
        return ed.verify(Base64.getDecoder().decode(tags.get("b")));
    }

    private static String signatureField(String message) {
        String head = message.substring(0, message.indexOf("\r\n\r\n"));
        for (String field : head.split("\r\n(?![ \t])")) {
            if (field.toLowerCase(Locale.ROOT).startsWith("dkim-signature:")) {
                return field;
            }
        }
        throw new AssertionError("no DKIM-Signature field");
    }

    /** The n-th instance of a field counting from the bottom, or null when there are fewer. */
    private static String fromBottom(List<String> fields, String name, int n) {
        List<String> found = new ArrayList<>();
        for (String field : fields) {
            if (field.substring(0, Math.max(0, field.indexOf(':'))).strip().equalsIgnoreCase(name)) {
                found.add(field);
            }
        }
        return n <= found.size() ? found.get(found.size() - n) : null;
    }

    /** RFC 6376 section 3.4.2. */
    private static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = field.substring(colon + 1).replaceAll("\r\n(?=[ \t])", "").replaceAll("[ \t]+", " ").strip();
        return name + ":" + value;
    }

    /** RFC 6376 section 3.4.4. */
    private static String relaxedBody(String body) {
        String canonical = body.replaceAll("[ \t]+", " ").replaceAll(" \r\n", "\r\n").replaceAll(" $", "")
                .replaceAll("(\r\n)+$", "");
        return canonical.isEmpty() ? "" : canonical + "\r\n";
    }

    private static byte[] sha256(String text) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static PublicKey publicKey(byte[] raw) throws Exception {
        byte[] spki = new byte[SPKI_PREFIX.length + raw.length];
        System.arraycopy(SPKI_PREFIX, 0, spki, 0, SPKI_PREFIX.length);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }
}
