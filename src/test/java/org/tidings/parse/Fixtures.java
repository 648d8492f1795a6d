package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.tidings.model.Entry;
import org.tidings.model.ParsedFeed;

/** Fixture feeds from src/test/resources/feeds and the assertions every parse test needs. */
final class Fixtures {
    static final URI FEED_URL = URI.create("https://feeds.example.com/path/feed.xml");
    private static final FeedParser PARSER = new FeedParser();

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ParseResult parse(String fixture, String contentType) {
        return PARSER.parse(bytes(fixture), contentType, FEED_URL);
    }

    static ParseResult parseText(String text) {
        return PARSER.parse(text.getBytes(StandardCharsets.UTF_8), null, FEED_URL);
    }

    static ParsedFeed feed(ParseResult result) {
        return assertInstanceOf(ParseResult.Parsed.class, result, () -> "not parsed: " + result).feed();
    }

    static ParsedFeed feed(String fixture) {
        return feed(parse(fixture, null));
    }

    static Entry onlyEntry(String text) {
        ParsedFeed feed = feed(parseText(text));
        if (feed.entries().size() != 1) {
            throw new AssertionError("expected one entry, got " + feed.entries());
        }
        return feed.entries().get(0);
    }

    static String invalidReason(ParseResult result) {
        return assertInstanceOf(ParseResult.Invalid.class, result, () -> "not invalid: " + result).reason();
    }

    /** An RSS 2.0 document with one item made of the given inner XML. */
    static String rssItem(String itemXml) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\""
                + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""
                + " xmlns:atom=\"http://www.w3.org/2005/Atom\">\n"
                + "<channel><title>T</title><link>https://site.example.org/blog/</link>\n"
                + "<item>" + itemXml + "</item>\n</channel></rss>\n";
    }
}
