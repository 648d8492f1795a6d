package org.tidings.model;

import java.net.URI;
import java.util.List;

/**
 * A feed document turned into our records.
 *
 * @param title plain text; may be empty
 * @param siteUrl the publication's home page, absolute, or null
 * @param ttlMinutes what the feed says about its own refresh period (RSS ttl, sy:updatePeriod), or null
 */
public record ParsedFeed(FeedFormat format, String title, URI siteUrl, Integer ttlMinutes, List<Entry> entries) {
    public ParsedFeed {
        entries = List.copyOf(entries);
    }
}
