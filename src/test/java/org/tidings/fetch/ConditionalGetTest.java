package org.tidings.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.fetch.FetchResult.Fetched;
import org.tidings.model.HttpValidators;

class ConditionalGetTest {
    private static final String FEED = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final String FEED_SHA256 = sha256Hex(FEED);

    private final LocalHttpServer server = LocalHttpServer.start();
    private final FeedFetcher fetcher = Fetchers.standard();

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void sendsEtagBackAndReturnsNotModifiedOn304() {
        server.route("/feed", exchange -> {
            boolean same = "\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"));
            LocalHttpServer.respond(same ? 304 : 200, FEED, "ETag", "\"v1\"").handle(exchange);
        });

        Fetched first = assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/feed"), HttpValidators.NONE));
        FetchResult second = fetcher.fetch(server.uri("/feed"), first.validators());

        assertEquals(new FetchResult.NotModified(null, null), second);
        assertEquals("\"v1\"", server.lastRequest("/feed").header("If-None-Match"));
    }

    @Test
    void notModifiedCarriesItsMaxAge() {
        server.route("/feed", LocalHttpServer.respond(304, "", "Cache-Control", "max-age=7200"));

        FetchResult result = fetcher.fetch(server.uri("/feed"), new HttpValidators("\"v1\"", null, null));

        assertEquals(new FetchResult.NotModified(null, Duration.ofHours(2)), result);
    }

    @Test
    void sendsLastModifiedVerbatimAsIfModifiedSince() {
        String lastModified = "Sat, 01 Mar 2025 10:00:00 GMT";
        server.route("/feed", LocalHttpServer.respond(304, ""));

        FetchResult result = fetcher.fetch(server.uri("/feed"), new HttpValidators(null, lastModified, "abc"));

        assertInstanceOf(FetchResult.NotModified.class, result);
        assertEquals(lastModified, server.lastRequest("/feed").header("If-Modified-Since"));
        assertNull(server.lastRequest("/feed").header("If-None-Match"));
    }

    @Test
    void sendsNoConditionalHeadersWithoutValidators() {
        server.route("/feed", LocalHttpServer.respond(200, FEED));

        fetcher.fetch(server.uri("/feed"), HttpValidators.NONE);

        assertNull(server.lastRequest("/feed").header("If-None-Match"));
        assertNull(server.lastRequest("/feed").header("If-Modified-Since"));
    }

    @Test
    void returnsBodyNewValidatorsAndBodyHashOn200() {
        server.route("/feed", LocalHttpServer.respond(200, FEED, "ETag", "W/\"v2\"",
                "Last-Modified", "Sat, 01 Mar 2025 11:00:00 GMT", "Content-Type", "application/rss+xml"));

        Fetched fetched = assertInstanceOf(Fetched.class,
                fetcher.fetch(server.uri("/feed"), new HttpValidators("\"v1\"", null, "old")));

        assertArrayEquals(FEED.getBytes(StandardCharsets.UTF_8), fetched.body());
        assertEquals(new HttpValidators("W/\"v2\"", "Sat, 01 Mar 2025 11:00:00 GMT", FEED_SHA256),
                fetched.validators());
        assertEquals("application/rss+xml", fetched.contentType());
        assertEquals(server.uri("/feed"), fetched.finalUrl());
        assertNull(fetched.movedTo());
    }

    @Test
    void forgetsValidatorsThe200DoesNotSend() {
        server.route("/feed", LocalHttpServer.respond(200, FEED));

        Fetched fetched = assertInstanceOf(Fetched.class,
                fetcher.fetch(server.uri("/feed"), new HttpValidators("\"v1\"", "Fri, 28 Feb 2025 00:00:00 GMT", "x")));

        assertEquals(new HttpValidators(null, null, FEED_SHA256), fetched.validators());
        assertNull(fetched.contentType());
    }

    @Test
    void updatesLastModifiedEvenWhenEtagIsUnchanged() {
        server.route("/feed", LocalHttpServer.respond(200, FEED, "ETag", "\"same\"",
                "Last-Modified", "Sat, 01 Mar 2025 11:30:00 GMT"));

        Fetched fetched = assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/feed"),
                new HttpValidators("\"same\"", "Sat, 01 Mar 2025 09:00:00 GMT", FEED_SHA256)));

        assertEquals("Sat, 01 Mar 2025 11:30:00 GMT", fetched.validators().lastModified());
    }

    @Test
    void hashesEmptyBody() {
        server.route("/feed", LocalHttpServer.respond(200, ""));

        Fetched fetched = assertInstanceOf(Fetched.class, fetcher.fetch(server.uri("/feed"), null));

        assertEquals(0, fetched.body().length);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", fetched.validators().bodyHash());
    }

    @Test
    void sendsUserAgentAcceptAndAcceptEncoding() {
        server.route("/feed", LocalHttpServer.respond(200, FEED));

        fetcher.fetch(server.uri("/feed"), HttpValidators.NONE);

        LocalHttpServer.Request request = server.lastRequest("/feed");
        assertEquals("GET", request.method());
        assertEquals(Fetchers.USER_AGENT, request.header("User-Agent"));
        assertEquals("application/atom+xml, application/rss+xml, application/feed+json, application/json;q=0.9, "
                + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8", request.header("Accept"));
        assertEquals("gzip, deflate", request.header("Accept-Encoding"));
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
