package org.tidings.web.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A document as served, with its validators.
 *
 * @param etag strong: the same bytes always get the same tag, across renders and restarts
 * @param lastModified when these bytes were first served, in whole seconds as HTTP dates are
 * @param version the version of the data the document was rendered at
 * @param renderedAt when it was rendered, for the cache's age limit
 */
public record Rendered<V>(byte[] bytes, String etag, Instant lastModified, V version, Instant renderedAt) {

    /** @param previous the document this one replaces, or null: its Last-Modified is kept when the bytes are the same */
    static <V> Rendered<V> of(byte[] bytes, V version, Instant now, Rendered<V> previous) {
        String etag = etag(bytes);
        Instant lastModified = now.truncatedTo(ChronoUnit.SECONDS);
        if (previous != null && previous.etag().equals(etag)) {
            lastModified = previous.lastModified();
        } else if (previous != null && !lastModified.isAfter(previous.lastModified())) {
            // If-Modified-Since has whole seconds: a change within the second must still read as newer.
            lastModified = previous.lastModified().plusSeconds(1);
        }
        return new Rendered<>(bytes, etag, lastModified, version, now);
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            // 128 bits are plenty to tell two documents apart, and keep the header short.
            return "\"" + HexFormat.of().formatHex(Arrays.copyOf(hash, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
