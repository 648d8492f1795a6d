package org.tidings.publish;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.tidings.model.Article;
import org.tidings.model.Source;
import org.w3c.dom.Document;

/** Articles, feed info and a pinned clock shared by the merged-feed tests. */
final class SampleArticles {
    static final Instant NOW = Instant.parse("2024-03-06T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final MergedFeedInfo INFO = new MergedFeedInfo(
            "Tidings digest",
            URI.create("https://tidings.example/"),
            URI.create("https://tidings.example/feed.atom"),
            "Everything we follow");
    static final Source BLOG = new Source(
            1, "Le Blog", URI.create("https://blog.example/"), URI.create("https://blog.example/feed.xml"), "news");

    private SampleArticles() {
    }

    static Article article(String guid, String title, Instant published) {
        return new Article(
                7, BLOG, guid, URI.create("https://blog.example/posts/1"), title,
                List.of("Anne", "Bob"), published, null, published,
                "A short summary", "<p>Hello <b>world</b></p>", List.of("java", "feeds"));
    }

    /** An article with only what the store guarantees: no url, authors, categories or text. */
    static Article bare(String guid, Source source) {
        Instant at = Instant.parse("2024-03-01T08:00:00Z");
        return new Article(9, source, guid, null, "Bare", List.of(), at, null, at, "", "", List.of());
    }

    static byte[] write(MergedFeedFormat format, List<Article> articles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MergedFeedWriter(CLOCK).write(INFO, articles, format, out);
        return out.toByteArray();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Parses as a feed reader should: namespace-aware, no DTDs. Fails the test when not well-formed. */
    static Document parseXml(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("Not well-formed XML: " + e.getMessage() + "\n" + utf8(bytes), e);
        }
    }
}
