package org.tidings.model;

import java.net.URI;

/** The feed an article came from, as shown beside it in the merged feed and the digest. */
public record Source(long feedId, String title, URI siteUrl, URI feedUrl, String category) {
}
