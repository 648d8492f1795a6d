package org.tidings.web.cache;

import io.javalin.http.Context;

/** Writes a cached document, or 304 Not Modified when the reader holds it already. */
public final class CachedResponse {
    private CachedResponse() {
    }

    public static void send(Context ctx, Rendered<?> doc, String contentType) {
        // A 304 carries the validators too (RFC 9110 15.4.5), so caches can refresh what they hold.
        ctx.header("ETag", doc.etag());
        ctx.header("Last-Modified", HttpDates.format(doc.lastModified()));
        if (Conditional.notModified(ctx.header("If-None-Match"), ctx.header("If-Modified-Since"), doc)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(contentType);
        ctx.result(doc.bytes());
    }
}
