package org.tidings.publish;

/** The formats the merged feed is served in, with the media type each is served as. */
public enum MergedFeedFormat {
    ATOM("application/atom+xml; charset=utf-8"),
    RSS("application/rss+xml; charset=utf-8"),
    JSON("application/feed+json; charset=utf-8");

    private final String contentType;

    MergedFeedFormat(String contentType) {
        this.contentType = contentType;
    }

    /** The Content-Type header value; every format is written as UTF-8. */
    /** The file name it is served and written as: feed.atom, feed.rss, feed.json. */
    public String fileName() {
        return "feed." + name().toLowerCase(java.util.Locale.ROOT);
    }

    public String contentType() {
        return contentType;
    }

    /** The format for a name as it appears in URLs and settings: "atom", "rss" or "json", any case. */
    public static MergedFeedFormat fromName(String name) {
        if (name != null) {
            for (MergedFeedFormat format : values()) {
                if (format.name().equalsIgnoreCase(name.strip())) {
                    return format;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown merged feed format \"" + name + "\": expected atom, rss or json");
    }
}
