package org.tidings.model;

/**
 * What we remember of a feed's last successful response so the next request can be conditional
 * (RFC 9110 section 13) and an unchanged body is not parsed again.
 *
 * @param etag the ETag header, sent back as If-None-Match; null when absent
 * @param lastModified the Last-Modified header, sent back verbatim as If-Modified-Since
 * @param bodyHash SHA-256 (hex) of the decoded body
 */
public record HttpValidators(String etag, String lastModified, String bodyHash) {
    public static final HttpValidators NONE = new HttpValidators(null, null, null);
}
