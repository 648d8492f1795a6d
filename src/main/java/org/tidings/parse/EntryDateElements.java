package org.tidings.parse;

import static org.tidings.parse.FeedNamespaces.ATOM_03;
import static org.tidings.parse.FeedNamespaces.ATOM_10;
import static org.tidings.parse.FeedNamespaces.DC;
import static org.tidings.parse.FeedNamespaces.DC_TERMS;

import java.util.Iterator;
import org.jdom2.Content;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The date elements of one item or entry, of every format we read. Each is taken out of the
 * element (so Rome never parses it) and its text kept, the best-ranked one per kind.
 */
final class EntryDateElements {
    private static final int NOT_A_DATE = Integer.MAX_VALUE;

    private EntryDateElements() {
    }

    static RawDates lift(Element entry) {
        String published = null;
        String updated = null;
        int publishedRank = NOT_A_DATE;
        int updatedRank = NOT_A_DATE;
        Iterator<Content> content = entry.getContent().iterator();
        while (content.hasNext()) {
            if (!(content.next() instanceof Element child)) {
                continue;
            }
            if (isExpirationDate(child)) {
                content.remove();
                continue;
            }
            int rank = publishedRank(child);
            if (rank != NOT_A_DATE) {
                if (rank < publishedRank) {
                    published = child.getTextTrim();
                    publishedRank = rank;
                }
                content.remove();
                continue;
            }
            rank = updatedRank(child);
            if (rank != NOT_A_DATE) {
                if (rank < updatedRank) {
                    updated = child.getTextTrim();
                    updatedRank = rank;
                }
                content.remove();
            }
        }
        return published == null && updated == null ? RawDates.NONE : new RawDates(published, updated);
    }

    /** Lower is better: the format's own element first, then Dublin Core. */
    private static int publishedRank(Element e) {
        Namespace ns = e.getNamespace();
        return switch (e.getName()) {
            case "pubDate" -> ns.equals(DC) ? NOT_A_DATE : 0;
            case "published" -> ns.equals(ATOM_10) ? 0 : NOT_A_DATE;
            case "issued" -> ns.equals(ATOM_03) ? 0 : ns.equals(DC_TERMS) ? 3 : NOT_A_DATE;
            case "created" -> ns.equals(ATOM_03) ? 1 : ns.equals(DC_TERMS) ? 4 : NOT_A_DATE;
            case "date" -> ns.equals(DC) ? 2 : NOT_A_DATE;
            default -> NOT_A_DATE;
        };
    }

    /** RSS 0.94's item expiry: unused, but Rome would parse it as a date. */
    private static boolean isExpirationDate(Element e) {
        return e.getName().equals("expirationDate") && e.getNamespace() == Namespace.NO_NAMESPACE;
    }

    private static int updatedRank(Element e) {
        Namespace ns = e.getNamespace();
        return switch (e.getName()) {
            case "updated" -> ns.equals(ATOM_10) ? 0 : NOT_A_DATE;
            case "modified" -> ns.equals(ATOM_03) ? 0 : ns.equals(DC_TERMS) ? 1 : NOT_A_DATE;
            default -> NOT_A_DATE;
        };
    }
}
