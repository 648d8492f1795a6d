package org.tidings.opml;

import java.net.URI;
import java.util.Objects;

/**
 * One feed in an OPML list.
 *
 * @param xmlUrl the feed's address: absolute http or https
 * @param title the name the list gives the feed; null when it gives none
 * @param htmlUrl the publication's home page, or null
 * @param category the folder the feed is filed under; null at the top level
 */
public record OpmlOutline(URI xmlUrl, String title, URI htmlUrl, String category) {
    public OpmlOutline {
        Objects.requireNonNull(xmlUrl, "xmlUrl");
    }

    /** The name to show: the title, else the feed URL, as OPML requires a text for every outline. */
    String text() {
        return title == null || title.isBlank() ? xmlUrl.toString() : title;
    }
}
