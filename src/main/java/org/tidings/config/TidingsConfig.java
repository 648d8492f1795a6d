package org.tidings.config;

import java.net.URI;
import java.nio.file.Path;

/**
 * The whole typed configuration, loaded once at start by {@link ConfigLoader}.
 *
 * @param dataDir folder of the H2 database and, later, the mail outbox
 * @param db where the database is, and how to log in
 * @param baseDir folder that relative paths (feeds.opml, templates) resolve against
 * @param publicUrl where Tidings is reached from outside; links in feeds (and later emails) use it
 * @param web where serve's HTTP server listens
 * @param admin the web admin's password, if it is on
 * @param deliverability DKIM, the bounce address and the bounce mailbox
 */
public record TidingsConfig(Path dataDir, DatabaseConfig db, Path baseDir, URI publicUrl, FetchConfig fetch,
        MailConfig mail, DigestConfig digest, ScheduleConfig schedule, WebConfig web,
        AdminConfig admin, DeliverabilityConfig deliverability) {
    public static final URI DEFAULT_PUBLIC_URL = URI.create("http://localhost:8080");

    /** Without DKIM, bounce address or bounce mailbox, as tests and benchmarks mostly need. */
    public TidingsConfig(Path dataDir, DatabaseConfig db, Path baseDir, URI publicUrl, FetchConfig fetch,
            MailConfig mail, DigestConfig digest, ScheduleConfig schedule, WebConfig web, AdminConfig admin) {
        this(dataDir, db, baseDir, publicUrl, fetch, mail, digest, schedule, web, admin, DeliverabilityConfig.none());
    }


    /** JDBC URL of the database. */
    public String dbUrl() {
        return db.url();
    }

    /** Where the file transport writes its .eml files. */
    public Path outboxDir() {
        return dataDir.resolve("outbox");
    }

    /** The OPML list imported by the first {@code fetch} into an empty database. */
    public Path defaultFeedList() {
        return baseDir.resolve("config").resolve("feeds.opml");
    }

    /** A configuration for tests: defaults with the database in {@code dataDir}. */
    public static TidingsConfig forDataDir(Path dataDir) {
        Settings none = Settings.of(java.util.Map.of());
        return new TidingsConfig(dataDir, DatabaseConfig.h2File(dataDir), dataDir, DEFAULT_PUBLIC_URL, FetchConfig.defaults(),
                MailConfig.from(none), DigestConfig.from(none, dataDir), ScheduleConfig.from(none),
                WebConfig.from(none), AdminConfig.from(none));
    }
}
