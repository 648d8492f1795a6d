package org.tidings.publish;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.tidings.model.PublicLinks;

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

    /**
     * The merged feed as Tidings serves it at {@code public.url}: {@code /feed.atom}, {@code /feed.rss}
     * or {@code /feed.json}, with {@code ?category=} when filtered. The CLI's {@code feed} command
     * and the web server both use it, so a document says the same about itself wherever it came from.
     *
     * @param category as the reader asked for it; null for every category
     */
    public static MergedFeedInfo served(URI publicUrl, MergedFeedFormat format, String category) {
        // Relative to public.url, which may have a path of its own (a proxy at https://example.org/news/).
        URI home = new PublicLinks(publicUrl).home();
        String path = format.fileName()
                + (category == null ? "" : "?category=" + URLEncoder.encode(category, StandardCharsets.UTF_8));
        return new MergedFeedInfo(category == null ? "Tidings" : "Tidings: " + category, home, home.resolve(path),
                "The newest articles of every feed Tidings follows.");
    }

    String descriptionOrTitle() {
        return description == null || description.isBlank() ? title : description;
    }
}
