package org.tidings.fetch;

import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.tidings.fetch.BodyReader.DecodedBody;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.model.HttpValidators;

/** Turns the last, non-redirect response of a fetch into its {@link FetchResult}. */
final class ResponseReader {
    private final long maxBytes;
    private final Clock clock;

    ResponseReader(long maxBytes, Clock clock) {
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    FetchResult read(RedirectTrail trail, HttpResponse<BodyStream> response) throws IOException {
        int status = response.statusCode();
        return switch (status) {
            case 200 -> fetched(trail, response.headers(), response.body());
            case 304 -> notModified(trail, response.headers(), response.body());
            case 410 -> new FetchResult.Gone(trail.movedTo());
            case 429, 503 -> new Failed(trail.movedTo(), StatusText.of(status),
                    ResponseTimes.retryAfter(response.headers(), clock.instant()));
            default -> new Failed(trail.movedTo(), StatusText.of(status), null);
        };
    }

    /**
     * A 304 never has a body (RFC 9110 section 15.4.5), so the client completes it at once;
     * waiting for that completion keeps the connection from being dropped by an early close.
     */
    private FetchResult notModified(RedirectTrail trail, HttpHeaders headers, BodyStream body) throws IOException {
        body.read();
        return new FetchResult.NotModified(trail.movedTo(), ResponseTimes.maxAge(headers, clock.instant()));
    }

    private FetchResult fetched(RedirectTrail trail, HttpHeaders headers, BodyStream body) throws IOException {
        // A declared length over the cap fails before a byte of the body is read.
        long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        if (declared > maxBytes) {
            throw FetchProblem.tooLarge(maxBytes);
        }
        DecodedBody decoded = BodyReader.read(body, headers.firstValue("Content-Encoding").orElse(null), maxBytes,
                declared);
        // RFC 9111 sections 3.2 and 4.3.4: Last-Modified may change even when the ETag does not,
        // so both are taken from this response, and a validator it lacks is forgotten.
        HttpValidators validators = new HttpValidators(headers.firstValue("ETag").orElse(null),
                headers.firstValue("Last-Modified").orElse(null), decoded.sha256());
        return new FetchResult.Fetched(trail.movedTo(), trail.current(), decoded.bytes(),
                headers.firstValue("Content-Type").orElse(null), validators,
                ResponseTimes.maxAge(headers, clock.instant()));
    }
}
