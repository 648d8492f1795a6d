package org.tidings.web.cache;

import java.time.Instant;

/** Whether a conditional GET may be answered 304 Not Modified (RFC 9110 section 13). */
final class Conditional {
    private Conditional() {
    }

    /**
     * @param ifNoneMatch the If-None-Match header, or null
     * @param ifModifiedSince the If-Modified-Since header, or null; ignored when If-None-Match is
     *     present, as RFC 9110 13.1.3 requires (an ETag is exact, a date only to the second)
     */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, Rendered<?> doc) {
        if (ifNoneMatch != null) {
            return anyTagMatches(ifNoneMatch, doc.etag());
        }
        Instant since = HttpDates.parse(ifModifiedSince);
        return since != null && !doc.lastModified().isAfter(since);
    }

    /** If-None-Match uses the weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter. */
    private static boolean anyTagMatches(String header, String etag) {
        for (String tag : header.split(",")) {
            String t = tag.strip();
            if (t.equals("*") || t.equals(etag) || t.startsWith("W/") && t.substring(2).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
