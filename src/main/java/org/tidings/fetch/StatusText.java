package org.tidings.fetch;

import java.util.Map;

/**
 * Reason phrases for the failure line. The JDK client does not expose the server's phrase,
 * so these are the standard ones (RFC 9110 section 15) for the statuses feeds commonly answer.
 */
final class StatusText {
    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(204, "No Content"), Map.entry(206, "Partial Content"),
            Map.entry(300, "Multiple Choices"), Map.entry(305, "Use Proxy"),
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
            Map.entry(402, "Payment Required"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(410, "Gone"),
            Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
            Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"));

    private StatusText() {
    }

    /** "HTTP 500 Internal Server Error", or "HTTP 599" for a status without a standard phrase. */
    static String of(int status) {
        String phrase = PHRASES.get(status);
        return phrase == null ? "HTTP " + status : "HTTP " + status + " " + phrase;
    }
}
