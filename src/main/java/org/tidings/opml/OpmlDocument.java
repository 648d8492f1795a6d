package org.tidings.opml;

import java.util.List;

/**
 * The feeds read from an OPML list, in document order.
 *
 * @param problems one line for each outline that was skipped and why, for the importer to show
 */
public record OpmlDocument(List<OpmlOutline> feeds, List<String> problems) {
    public OpmlDocument {
        feeds = List.copyOf(feeds);
        problems = List.copyOf(problems);
    }
}
