package org.tidings.publish;

import static org.tidings.publish.FeedItem.hasText;

import java.io.OutputStream;
import org.tidings.model.Article;

/**
 * Writes a merged feed as RSS 2.0, following the RSS Advisory Board's best practices profile.
 * No channel language: a merged feed mixes languages.
 */
final class RssFeedWriter {
    private static final String ATOM = "http://www.w3.org/2005/Atom";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    void write(MergedFeed feed, OutputStream out) {
        MergedFeedInfo info = feed.info();
        try (XmlOut xml = new XmlOut(out)) {
            xml.start("rss").attribute("version", "2.0").namespace("atom", ATOM).namespace("dc", DC);
            xml.start("channel");
            xml.element("title", info.title());
            xml.element("link", info.homeUrl().toString());
            xml.element("description", info.descriptionOrTitle());
            // The best practices profile asks for the feed's own address as atom:link rel=self.
            xml.start("atom", "link", ATOM)
                    .attribute("href", info.selfUrl())
                    .attribute("rel", "self")
                    .attribute("type", "application/rss+xml")
                    .end();
            xml.element("lastBuildDate", FeedDates.rfc822(feed.updated()));
            xml.element("generator", "Tidings");
            xml.element("docs", "https://www.rssboard.org/rss-specification");
            for (FeedItem item : feed.items()) {
                item(xml, item);
            }
            xml.end().end();
        }
    }

    private static void item(XmlOut xml, FeedItem item) {
        Article article = item.article();
        String description = description(article);
        xml.start("item");
        // RSS 2.0: an item must contain a title or a description, so an untitled one keeps its empty title.
        if (hasText(article.title()) || description == null) {
            xml.element("title", article.title());
        }
        if (article.url() != null) {
            xml.element("link", article.url().toString());
        }
        xml.optionalElement("description", description);
        // RSS author must be an e-mail address; names go in dc:creator, one per author.
        for (String author : item.authors()) {
            xml.start("dc", "creator", DC).text(author).end();
        }
        for (String category : item.categories()) {
            xml.element("category", category);
        }
        String id = item.id();
        xml.start("guid").attribute("isPermaLink", String.valueOf(EntryId.isPermalink(id, article))).text(id).end();
        xml.element("pubDate", FeedDates.rfc822(item.published()));
        xml.start("source").attribute("url", item.source().feedUrl()).text(item.sourceTitle()).end();
        xml.end();
    }

    /**
     * Readers render description as HTML, so a plain-text summary is HTML-escaped first; otherwise
     * "a <b" in a summary would reach the reader as markup.
     */
    private static String description(Article article) {
        if (hasText(article.contentHtml())) {
            return article.contentHtml();
        }
        return hasText(article.summary()) ? escapeHtml(article.summary()) : null;
    }

    private static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
