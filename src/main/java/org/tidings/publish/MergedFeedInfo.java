package org.tidings.publish;

import java.net.URI;
import java.util.Objects;

/**
 * What the merged feed says about itself.
 *
 * @param homeUrl the web page the feed belongs to (RSS channel link, Atom rel=alternate)
 * @param selfUrl where this very document is served; also the Atom feed id, so keep it stable
 * @param description one line about the feed; null falls back to the title where one is required
 */
public record MergedFeedInfo(String title, URI homeUrl, URI selfUrl, String description) {
    public MergedFeedInfo {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(homeUrl, "homeUrl");
        Objects.requireNonNull(selfUrl, "selfUrl");
    }

    String descriptionOrTitle() {
        return description == null || description.isBlank() ? title : description;
    }
}
