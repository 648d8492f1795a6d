package org.tidings.parse;

import java.net.URI;
import java.util.List;
import org.tidings.model.FeedFormat;

/**
 * A feed as a format mapper read it, before normalizing.
 *
 * @param titleHtml the feed title as HTML (plain-text titles already escaped), or null
 * @param siteUrl the publication's home page, already absolute, or null
 */
record RawFeed(FeedFormat format, String titleHtml, URI siteUrl, Integer ttlMinutes, List<RawEntry> entries) {
}
