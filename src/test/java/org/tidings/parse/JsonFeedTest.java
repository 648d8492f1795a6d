package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.parse.Fixtures.feed;
import static org.tidings.parse.Fixtures.invalidReason;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

class JsonFeedTest {
    @Test
    void mapsJsonFeed11Item() {
        ParsedFeed feed = feed("jsonfeed11.json");
        Entry entry = feed.entries().get(0);

        assertEquals(URI.create("https://cafe.example.com/"), feed.siteUrl());
        assertNull(feed.ttlMinutes());
        assertEquals("2347259", entry.guid());
        assertEquals(URI.create("https://cafe.example.com/posts/2347259"), entry.url());
        assertEquals("Pain au chocolat <3", entry.title());
        assertEquals(List.of("\u00c9lodie", "Marc"), entry.authors());
        assertEquals(List.of("viennoiserie", "breakfast"), entry.categories());
        assertEquals(Instant.parse("2025-06-03T06:00:00Z"), entry.published());
        assertEquals(Instant.parse("2025-06-03T09:30:00Z"), entry.updated());
        assertEquals("A short summary", entry.summary());
        assertTrue(entry.contentHtml().contains("src=\"https://cafe.example.com/img/pain.jpg\""), entry.contentHtml());
    }

    @Test
    void escapesContentTextIntoParagraphs() {
        Entry entry = feed("jsonfeed11.json").entries().get(1);

        assertEquals("<p>First paragraph &amp; more.</p><p>Second &lt;paragraph&gt;.</p>", entry.contentHtml());
        assertEquals(List.of("House Writer"), entry.authors());
        assertNull(entry.published());
    }

    @Test
    void readsJsonFeed10AuthorAndExternalUrl() {
        List<Entry> entries = feed("jsonfeed10.json").entries();

        assertEquals(List.of("Item Person"), entries.get(0).authors());
        assertEquals(List.of("Feed Person"), entries.get(1).authors());
        assertEquals(URI.create("https://elsewhere.example.com/x"), entries.get(1).url());
    }

    @Test
    void reportsLineOfMalformedJson() {
        String reason = invalidReason(Fixtures.parseText("{\n\"version\": \"https://jsonfeed.org/version/1.1\",\n\"items\": [\n}"));

        assertTrue(reason.startsWith("malformed JSON at line 4"), reason);
    }

    @Test
    void readsJsonFeedWithByteOrderMark() {
        ParsedFeed feed = feed(Fixtures.parseText("\uFEFF{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"BOM\",\"items\":[]}"));

        assertEquals("BOM", feed.title());
    }
}
