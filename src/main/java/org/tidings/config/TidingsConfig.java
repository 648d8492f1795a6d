package org.tidings.config;

import java.nio.file.Path;

/**
 * The whole typed configuration, loaded once at start by {@link ConfigLoader}.
 *
 * @param dataDir folder of the H2 database and, later, the mail outbox
 * @param dbUrl JDBC URL of the database
 * @param baseDir folder that relative paths (feeds.opml, templates) resolve against
 */
public record TidingsConfig(Path dataDir, String dbUrl, Path baseDir, FetchConfig fetch) {

    /** The OPML list imported by the first {@code fetch} into an empty database. */
    public Path defaultFeedList() {
        return baseDir.resolve("config").resolve("feeds.opml");
    }

    /** A configuration for tests: defaults with the database in {@code dataDir}. */
    public static TidingsConfig forDataDir(Path dataDir) {
        return new TidingsConfig(dataDir, DatabaseUrl.h2File(dataDir), dataDir, FetchConfig.defaults());
    }
}
