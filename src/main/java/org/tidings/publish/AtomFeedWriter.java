package org.tidings.publish;

import static org.tidings.publish.FeedItem.hasText;

import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import org.tidings.model.Source;

/** Writes a merged feed as Atom 1.0 (RFC 4287). */
final class AtomFeedWriter {
    static final String ATOM = "http://www.w3.org/2005/Atom";

    void write(MergedFeed feed, OutputStream out) {
        MergedFeedInfo info = feed.info();
        try (XmlOut xml = new XmlOut(out)) {
            xml.start("feed").defaultNamespace(ATOM);
            xml.element("id", info.selfUrl().toString());
            textConstruct(xml, "title", info.title());
            if (hasText(info.description())) {
                textConstruct(xml, "subtitle", info.description());
            }
            xml.element("updated", FeedDates.rfc3339(feed.updated()));
            link(xml, "self", info.selfUrl()).attribute("type", "application/atom+xml").end();
            link(xml, "alternate", info.homeUrl()).end();
            xml.element("generator", "Tidings");
            for (FeedItem item : feed.items()) {
                entry(xml, item);
            }
            xml.end();
        }
    }

    private static void entry(XmlOut xml, FeedItem item) {
        xml.start("entry");
        xml.element("id", item.id());
        textConstruct(xml, "title", item.article().title());
        if (item.article().url() != null) {
            link(xml, "alternate", item.article().url()).end();
        }
        xml.element("published", FeedDates.rfc3339(item.published()));
        xml.element("updated", FeedDates.rfc3339(item.updated()));
        for (String name : authorNames(item)) {
            xml.start("author").element("name", name).end();
        }
        for (String category : item.categories()) {
            xml.start("category").attribute("term", category).end();
        }
        if (hasText(item.article().summary())) {
            textConstruct(xml, "summary", item.article().summary());
        }
        // RFC 4287 4.1.1.1: an entry without content must have an alternate link.
        if (hasText(item.article().contentHtml()) || item.article().url() == null) {
            xml.start("content").attribute("type", "html").text(item.article().contentHtml()).end();
        }
        source(xml, item);
        xml.end();
    }

    /**
     * RFC 4287 4.1.2: every entry needs an author unless its feed or source element has one; a
     * merged feed has no single author, so an uncredited entry is credited to its source feed.
     */
    private static List<String> authorNames(FeedItem item) {
        List<String> names = item.authors();
        return names.isEmpty() ? List.of(item.sourceTitle()) : names;
    }

    /** The source element (RFC 4287 4.2.11) keeps the original feed's identity in the merged one. */
    private static void source(XmlOut xml, FeedItem item) {
        Source source = item.source();
        xml.start("source");
        xml.element("id", source.feedUrl().toString());
        textConstruct(xml, "title", item.sourceTitle());
        link(xml, "self", source.feedUrl()).end();
        if (source.siteUrl() != null) {
            link(xml, "alternate", source.siteUrl()).end();
        }
        // We do not keep the source feed's own updated date; the article's is a true lower bound.
        xml.element("updated", FeedDates.rfc3339(item.updated()));
        xml.end();
    }

    static void textConstruct(XmlOut xml, String name, String text) {
        xml.start(name).attribute("type", "text").text(text).end();
    }

    static XmlOut link(XmlOut xml, String rel, URI href) {
        return xml.start("link").attribute("rel", rel).attribute("href", href);
    }
}
