package org.tidings.parse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable identity of an entry: what the feed calls it, else its link, else a hash of what it
 * says, so an entry without either is still stored once however often it is fetched.
 */
final class EntryIdentity {
    private EntryIdentity() {
    }

    /**
     * @param rawContent the content as the feed wrote it, not sanitized: a sanitizer change must not
     *     give old entries new identities
     */
    static String of(String guid, URI url, String title, String rawContent) {
        if (guid != null && !guid.isBlank()) {
            return guid.strip();
        }
        if (url != null) {
            return url.toString();
        }
        return sha256(title + "\n" + (rawContent == null ? "" : rawContent));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
