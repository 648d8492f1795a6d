package org.tidings.parse;

import java.net.URI;

/**
 * The parse stage's front door: bytes of any supported format to a {@link ParseResult}.
 * Thread-safe. (Skeleton: to be implemented.)
 */
public final class FeedParser {
    /**
     * @param body the raw (already decompressed) bytes
     * @param contentType the HTTP Content-Type header (may carry a charset), or null
     * @param feedUrl the URL the bytes came from: the last resort base for relative URLs
     */
    public ParseResult parse(byte[] body, String contentType, URI feedUrl) {
        throw new UnsupportedOperationException("todo");
    }
}
