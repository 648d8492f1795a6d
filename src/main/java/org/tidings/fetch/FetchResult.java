package org.tidings.fetch;

import java.net.URI;
import java.time.Duration;
import org.tidings.model.HttpValidators;

/**
 * What one fetch of a feed URL came to. Expected outcomes are values, not exceptions.
 * Every variant carries {@code movedTo}: the new permanent URL after a 301/308 chain, or null.
 */
public sealed interface FetchResult {
    URI movedTo();

    /**
     * A 200 with its body.
     *
     * @param finalUrl the URL the body came from after all redirects (the base for relative links)
     * @param body the decoded (gunzipped) body, never larger than fetch.max-bytes
     * @param contentType the Content-Type header, or null
     * @param validators ETag, Last-Modified and the SHA-256 of the body
     * @param maxAge what Cache-Control max-age / Expires said, or null
     */
    record Fetched(URI movedTo, URI finalUrl, byte[] body, String contentType, HttpValidators validators,
            Duration maxAge) implements FetchResult {
    }

    /**
     * 304: nothing changed since the validators we sent.
     *
     * @param maxAge what Cache-Control max-age / Expires of the 304 said, or null
     */
    record NotModified(URI movedTo, Duration maxAge) implements FetchResult {
    }

    /** 410: the feed is gone for good. */
    record Gone(URI movedTo) implements FetchResult {
    }

    /**
     * Anything else: an error status, timeout, DNS, TLS, too large, redirect loop...
     *
     * @param reason one line for people, e.g. "HTTP 500 Internal Server Error" or "timed out after PT20S"
     * @param retryAfter what Retry-After asked for (429/503), or null
     */
    record Failed(URI movedTo, String reason, Duration retryAfter) implements FetchResult {
    }
}
