package org.tidings.parse;

import java.net.URI;
import java.util.List;

/**
 * One item or entry as a format mapper read it, before normalizing: texts as the feed wrote them.
 *
 * @param guid the feed's own identifier (RSS guid, Atom id, JSON Feed id), or null
 * @param link the entry's link as written (maybe relative), or null
 * @param titleHtml the title as HTML (plain-text titles already escaped), or null
 * @param contentHtml the full content as HTML, or null
 * @param summaryHtml the description or summary as HTML, or null
 * @param base what relative URLs in this entry resolve against: its xml:base, else the site, else the feed URL
 */
record RawEntry(
        String guid,
        String link,
        String titleHtml,
        List<String> authors,
        List<String> categories,
        String contentHtml,
        String summaryHtml,
        RawDates dates,
        URI base) {
}
