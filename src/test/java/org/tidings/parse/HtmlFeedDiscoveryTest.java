package org.tidings.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlFeedDiscoveryTest {
    private static final URI PAGE = URI.create("https://www.example.com/blog/post.html");

    @Test
    void listsFeedAlternatesResolvedAgainstBaseInPageOrder() {
        ParseResult result = new FeedParser().parse(Fixtures.bytes("page-with-alternates.html"), "text/html", PAGE);

        assertEquals(List.of(
                URI.create("https://static.example.com/site/feed.rss"),
                URI.create("https://static.example.com/atom.xml"),
                URI.create("https://json.example.com/feed.json"),
                URI.create("https://static.example.com/site/feed.json")),
                assertInstanceOf(ParseResult.NotAFeed.class, result).alternates());
    }

    @Test
    void resolvesAgainstPageUrlWithoutBase() {
        String html = "<html><head><link rel=\"alternate\" type=\"application/atom+xml; charset=utf-8\" href=\"../feed\">"
                + "</head></html>";

        ParseResult result = new FeedParser().parse(html.getBytes(StandardCharsets.UTF_8), null, PAGE);

        assertEquals(List.of(URI.create("https://www.example.com/feed")),
                assertInstanceOf(ParseResult.NotAFeed.class, result).alternates());
    }

    @Test
    void reportsPageWithoutFeedsAsNotAFeed() {
        String html = "<!doctype html><title>x</title><p>No feeds here";

        ParseResult result = new FeedParser().parse(html.getBytes(StandardCharsets.UTF_8), "application/rss+xml", PAGE);

        assertEquals(List.of(), assertInstanceOf(ParseResult.NotAFeed.class, result).alternates());
    }

    @Test
    void recognizesHtmlStartingWithCommentOrText() {
        String html = "<!-- generated -->\n<HTML><HEAD></HEAD></HTML>";

        ParseResult result = new FeedParser().parse(html.getBytes(StandardCharsets.UTF_8), null, PAGE);

        assertInstanceOf(ParseResult.NotAFeed.class, result);
    }
}
