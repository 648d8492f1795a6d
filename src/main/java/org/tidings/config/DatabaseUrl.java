package org.tidings.config;

import java.nio.file.Path;

/** The default database location. */
public final class DatabaseUrl {
    private DatabaseUrl() {
    }

    /**
     * An H2 file database in {@code dataDir}. AUTO_SERVER lets a second process (the CLI beside a
     * running {@code serve}) open the same file; PostgreSQL compatibility mode keeps our SQL honest.
     * WRITE_DELAY=0 writes every commit to the file before the commit returns: H2's default keeps
     * the last half second in memory, and a process killed then would forget which messages it had
     * already sent and send them again. The {@code retry:} file system reopens the file when a
     * thread is interrupted in the middle of a read or write: plain NIO closes the channel for
     * every thread then, and H2 the whole database. Quartz interrupts its own threads when it
     * shuts down, whatever they are doing.
     */
    public static String h2File(Path dataDir) {
        return "jdbc:h2:retry:" + dataDir.toAbsolutePath().resolve("tidings")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }
}
