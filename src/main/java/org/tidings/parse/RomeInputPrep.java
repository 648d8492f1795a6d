package org.tidings.parse;

import static org.tidings.parse.FeedNamespaces.ATOM_03;
import static org.tidings.parse.FeedNamespaces.ATOM_10;
import static org.tidings.parse.FeedNamespaces.DC;
import static org.tidings.parse.FeedNamespaces.DC_TERMS;
import static org.tidings.parse.FeedNamespaces.SYNDICATION;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Readies a parsed document for Rome. Rome parses every date it meets with some twenty
 * SimpleDateFormat attempts and then throws the text away, and it throws on a few malformed
 * elements we never use; so the date texts and refresh hints are lifted out here (entry dates by
 * entry index, which is the order Rome keeps) and those elements removed before Rome sees them.
 */
final class RomeInputPrep {
    /** RSS versions Rome has a parser for; others are read as 2.0, which reads them all. */
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
    /** Feed-level elements we do not use that Rome would date-parse or could throw on. */
    private static final Set<String> UNUSED_FEED_LEVEL = Set.of(
            "pubDate", "lastBuildDate", "updated", "modified", "date", "updateBase", "skipHours", "skipDays", "cloud");

    /** @param entryDates in document order, one per item/entry Rome will map */
    record Prepared(List<RawDates> entryDates, Integer ttlMinutes) {
    }

    private RomeInputPrep() {
    }

    static Prepared prepare(Document document) {
        Element root = document.getRootElement();
        boolean rss = root.getName().equals("rss");
        if (rss && root.getNamespace() == Namespace.NO_NAMESPACE) {
            normalizeRssVersion(root);
        }
        Element channel = rss || root.getName().equals("RDF") ? channelOf(root) : root;
        Integer ttl = RefreshHint.minutes(
                text(channel, "ttl", channel.getNamespace()),
                text(channel, "updatePeriod", SYNDICATION),
                text(channel, "updateFrequency", SYNDICATION));
        List<RawDates> dates = new ArrayList<>();
        for (Element entry : entries(root, channel)) {
            dates.add(EntryDateElements.lift(entry));
        }
        removeUnused(channel);
        return new Prepared(dates, ttl);
    }

    private static void normalizeRssVersion(Element root) {
        String version = root.getAttributeValue("version", "").trim();
        if (!RSS_VERSIONS.contains(version) && !version.startsWith("2.0")) {
            root.setAttribute("version", "2.0");
        }
    }

    private static Element channelOf(Element root) {
        for (Element child : root.getChildren()) {
            if (child.getName().equals("channel")) {
                return child;
            }
        }
        throw new InvalidFeedException("RSS document has no channel element");
    }

    /** The same elements, in the same order, that Rome's parsers map to items and entries. */
    private static List<Element> entries(Element root, Element channel) {
        return switch (root.getName()) {
            case "rss" -> channel.getChildren("item", root.getNamespace());
            case "RDF" -> root.getChildren("item", channel.getNamespace());
            default -> root.getChildren("entry", root.getNamespace());
        };
    }

    private static String text(Element parent, String name, Namespace namespace) {
        Element child = parent.getChild(name, namespace);
        return child == null ? null : child.getTextTrim();
    }

    private static void removeUnused(Element channel) {
        Iterator<Content> content = channel.getContent().iterator();
        while (content.hasNext()) {
            if (content.next() instanceof Element child && isUnusedFeedLevel(child)) {
                content.remove();
            }
        }
    }

    private static boolean isUnusedFeedLevel(Element child) {
        Namespace ns = child.getNamespace();
        return UNUSED_FEED_LEVEL.contains(child.getName())
                && (ns == Namespace.NO_NAMESPACE || ns.equals(ATOM_10) || ns.equals(ATOM_03)
                        || ns.equals(DC) || ns.equals(DC_TERMS) || ns.equals(SYNDICATION));
    }
}
