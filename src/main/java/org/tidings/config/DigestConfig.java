package org.tidings.config;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * How issues are built and rendered.
 *
 * @param title the newsletter's name, first in every subject
 * @param zone the time zone of dates in the digest and of "the week of"
 * @param maxPerFeed at most this many articles of one feed per issue
 * @param maxArticles at most this many articles per issue, taken fairly across feeds
 * @param templatesDir folder of the Mustache templates; the copies in the jar fill any gap
 * @param maxBytes the most a digest email's HTML part may take on the wire, encoded: Gmail clips a
 *     message past about 102 KB, and the clipped part holds the unsubscribe link
 */
public record DigestConfig(String title, ZoneId zone, int maxPerFeed, int maxArticles, Path templatesDir,
        int maxBytes) {
    public static final int DEFAULT_MAX_BYTES = 90_000;
    /** Below this the header, footer and a few articles no longer fit: a typo, not a choice. */
    public static final int MIN_MAX_BYTES = 20_000;

    /** With the default {@code digest.max-bytes}. */
    public DigestConfig(String title, ZoneId zone, int maxPerFeed, int maxArticles, Path templatesDir) {
        this(title, zone, maxPerFeed, maxArticles, templatesDir, DEFAULT_MAX_BYTES);
    }

    static DigestConfig from(Settings s, Path baseDir) {
        String zone = s.string("digest.zone", "UTC");
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigException("digest.zone", "not a time zone such as UTC or Europe/Paris: '" + zone + "'");
        }
        int maxBytes = s.positiveInt("digest.max-bytes", DEFAULT_MAX_BYTES);
        if (maxBytes < MIN_MAX_BYTES) {
            throw new ConfigException("digest.max-bytes", "must be at least " + MIN_MAX_BYTES + ", got " + maxBytes);
        }
        return new DigestConfig(s.string("digest.title", "Tidings"), zoneId, s.positiveInt("digest.max-per-feed", 10),
                s.positiveInt("digest.max-articles", 300),
                baseDir.resolve(s.string("templates.dir", "templates")).normalize().toAbsolutePath(), maxBytes);
    }

    public static DigestConfig defaults(Path baseDir) {
        return from(Settings.of(java.util.Map.of()), baseDir);
    }
}
