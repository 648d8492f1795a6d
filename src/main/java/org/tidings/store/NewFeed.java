package org.tidings.store;

import java.net.URI;

/** A feed to add: what an admin or an OPML file gives. Title, site and category may be null. */
public record NewFeed(URI url, String title, URI siteUrl, String category) {
}
