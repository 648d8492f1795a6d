package org.tidings.ingest;

import java.net.URI;

/**
 * An admin's request to subscribe to a URL.
 *
 * @param title overrides the feed's own title; null to use it
 * @param check fetch the URL first (and discover the feed of an HTML page); false stores it blind
 */
public record AddRequest(URI url, String title, String category, boolean check) {
}
