package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult.Failed;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.model.HttpValidators;

/** What each status and its timing headers come to. The test clock reads 2025-03-01T12:00:00Z. */
class StatusTest {
    private final LocalHttpServer server = LocalHttpServer.start();
    private final FeedFetcher fetcher = Fetchers.standard();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    private FetchResult serve(int status, String... headers) {
        server.route("/feed", LocalHttpServer.respond(status, "body", headers));
        return fetcher.fetch(server.uri("/feed"), HttpValidators.NONE);
    }

    @Test
    void returnsGoneOn410() {
        assertEquals(new FetchResult.Gone(null), serve(410));
    }

    @Test
    void honoursRetryAfterSecondsOn429() {
        assertEquals(new Failed(null, "HTTP 429 Too Many Requests", Duration.ofSeconds(120)),
                serve(429, "Retry-After", "120"));
    }

    @Test
    void honoursRetryAfterHttpDateOn503RelativeToClock() {
        assertEquals(new Failed(null, "HTTP 503 Service Unavailable", Duration.ofMinutes(90)),
                serve(503, "Retry-After", "Sat, 01 Mar 2025 13:30:00 GMT"));
    }

    @Test
    void treatsRetryAfterInThePastAsNow() {
        assertEquals(Duration.ZERO,
                ((Failed) serve(503, "Retry-After", "Sat, 01 Mar 2025 11:00:00 GMT")).retryAfter());
    }

    @Test
    void ignoresInvalidRetryAfter() {
        assertEquals(new Failed(null, "HTTP 429 Too Many Requests", null), serve(429, "Retry-After", "soon"));
    }

    @Test
    void reportsOtherStatusesWithReasonPhrase() {
        assertEquals(new Failed(null, "HTTP 500 Internal Server Error", null), serve(500, "Retry-After", "5"));
        assertEquals(new Failed(null, "HTTP 404 Not Found", null), serve(404));
        assertEquals(new Failed(null, "HTTP 599", null), serve(599));
    }

    @Test
    void readsMaxAgeFromCacheControl() {
        assertEquals(Duration.ofSeconds(600), maxAge("Cache-Control", "public, max-age=600"));
    }

    @Test
    void ignoresSharedCacheMaxAge() {
        assertEquals(Duration.ofSeconds(60), maxAge("Cache-Control", "s-maxage=3600, max-age=60"));
        assertNull(maxAge("Cache-Control", "s-maxage=3600"));
    }

    @Test
    void hasNoMaxAgeWhenCachingIsForbidden() {
        assertNull(maxAge("Cache-Control", "max-age=600, no-cache"));
        assertNull(maxAge("Cache-Control", "no-store", "Expires", "Sat, 01 Mar 2025 13:00:00 GMT"));
    }

    @Test
    void prefersMaxAgeOverExpires() {
        assertEquals(Duration.ofSeconds(30),
                maxAge("Cache-Control", "max-age=30", "Expires", "Sat, 01 Mar 2025 13:00:00 GMT"));
    }

    /** The JDK test server stamps its own Date, so Expires is set a quarter hour past real time. */
    @Test
    void derivesMaxAgeFromExpiresMinusServerDate() {
        server.route("/feed", exchange -> {
            String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(15));
            LocalHttpServer.respond(200, "body", "Expires", expires).handle(exchange);
        });

        Duration maxAge = assertInstanceOf(Fetched.class,
                fetcher.fetch(server.uri("/feed"), HttpValidators.NONE)).maxAge();

        assertTrue(maxAge.compareTo(Duration.ofMinutes(14)) > 0 && maxAge.compareTo(Duration.ofMinutes(15)) <= 0,
                maxAge::toString);
    }

    @Test
    void treatsInvalidExpiresAsAlreadyExpired() {
        assertEquals(Duration.ZERO, maxAge("Expires", "0"));
    }

    @Test
    void hasNoMaxAgeWhenResponseSaysNothing() {
        assertNull(maxAge());
    }

    private Duration maxAge(String... headers) {
        server.route("/feed", LocalHttpServer.respond(200, "body", headers));
        return assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/feed"), HttpValidators.NONE)).maxAge();
    }
}
