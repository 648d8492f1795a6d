package org.tidings.web.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.web.WebFixture;
import org.tidings.web.cache.HttpDates;

/** The merged feed over HTTP: content types, validators, 304s, freshness and the category filter. */
class MergedFeedEndpointTest {
    @TempDir
    Path dir;
    private WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir);
        web.article("Le Monde", "Presse", "Grève générale");
        web.article("Left Voice", "Politics", "General strike");
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void servesEachFormatWithItsContentTypeAndValidators() throws Exception {
        Map<String, String> types = Map.of("/feed.atom", "application/atom+xml; charset=utf-8",
                "/feed.rss", "application/rss+xml; charset=utf-8", "/feed.json", "application/feed+json; charset=utf-8");

        for (Map.Entry<String, String> route : types.entrySet()) {
            HttpResponse<String> r = web.get(route.getKey());

            assertEquals(200, r.statusCode(), route.getKey());
            assertEquals(route.getValue(), r.headers().firstValue("Content-Type").orElse(null), route.getKey());
            assertTrue(r.headers().firstValue("ETag").orElseThrow().matches("\"[0-9a-f]{32}\""), route.getKey());
            assertTrue(HttpDates.parse(r.headers().firstValue("Last-Modified").orElseThrow()) != null, route.getKey());
            assertTrue(r.body().contains("Grève générale") && r.body().contains("General strike"), r.body());
        }
    }

    @Test
    void answersNotModifiedWithEmptyBodyToMatchingIfNoneMatch() throws Exception {
        String etag = web.get("/feed.atom").headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> r = web.get("/feed.atom", "If-None-Match", etag);
        HttpResponse<String> weak = web.get("/feed.atom", "If-None-Match", "\"other\", W/" + etag);

        assertEquals(304, r.statusCode());
        assertEquals("", r.body());
        assertEquals(etag, r.headers().firstValue("ETag").orElse(null));
        assertEquals(304, weak.statusCode());
    }

    @Test
    void answersNotModifiedToIfModifiedSinceOnlyWithoutIfNoneMatch() throws Exception {
        String lastModified = web.get("/feed.rss").headers().firstValue("Last-Modified").orElseThrow();

        HttpResponse<String> since = web.get("/feed.rss", "If-Modified-Since", lastModified);
        HttpResponse<String> otherTag = web.get("/feed.rss", "If-Modified-Since", lastModified,
                "If-None-Match", "\"other\"");

        assertEquals(304, since.statusCode());
        assertEquals(200, otherTag.statusCode());
    }

    @Test
    void servesANewArticleOnceTheStalenessBoundHasPassed() throws Exception {
        String etag = web.get("/feed.json").headers().firstValue("ETag").orElseThrow();
        web.article("Le Monde", "Presse", "Manifestation à Paris");

        HttpResponse<String> within = web.get("/feed.json", "If-None-Match", etag);
        web.passStalenessBound();
        HttpResponse<String> after = web.get("/feed.json", "If-None-Match", etag);

        assertEquals(304, within.statusCode());
        assertEquals(200, after.statusCode());
        assertTrue(after.body().contains("Manifestation à Paris"), after.body());
        assertNotEquals(etag, after.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void keepsEtagAndLastModifiedWhenTheDocumentDidNotChange() throws Exception {
        HttpResponse<String> first = web.get("/feed.atom?category=Presse");
        web.article("Left Voice", "Politics", "Another strike");
        web.passStalenessBound();

        HttpResponse<String> again = web.get("/feed.atom?category=Presse");

        assertEquals(first.headers().firstValue("ETag"), again.headers().firstValue("ETag"));
        assertEquals(first.headers().firstValue("Last-Modified"), again.headers().firstValue("Last-Modified"));
    }

    @Test
    void categoryFiltersTheArticlesAndAnUnknownOneGivesAnEmptyFeed() throws Exception {
        HttpResponse<String> presse = web.get("/feed.atom?category=presse");
        HttpResponse<String> unknown = web.get("/feed.atom?category=%3Cnone%3E");

        assertEquals(200, presse.statusCode());
        assertTrue(presse.body().contains("Grève générale"), presse.body());
        assertFalse(presse.body().contains("General strike"), presse.body());
        assertEquals(200, unknown.statusCode());
        assertFalse(unknown.body().contains("<entry>"), unknown.body());
    }

    @Test
    void selfLinkIsThePublicUrlOfTheRequestedFeed() throws Exception {
        String atom = web.get("/feed.atom?category=Presse").body();
        String json = web.get("/feed.json").body();

        assertTrue(atom.contains("rel=\"self\"") && atom.contains("href=\"https://tidings.example/feed.atom?category=Presse\""),
                atom);
        assertEquals("https://tidings.example/feed.json", new ObjectMapper().readTree(json).get("feed_url").asText());
    }

    @Test
    void headAnswersWithTheHeadersAndNoBody() throws Exception {
        HttpResponse<String> r = web.head("/feed.atom");

        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
        assertTrue(r.headers().firstValue("ETag").isPresent());
    }

    @Test
    void lastModifiedIsAnImfFixdate() {
        assertEquals("Mon, 02 Nov 2026 10:00:00 GMT", HttpDates.format(Instant.parse("2026-11-02T10:00:00Z")));
    }
}
