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
     * shuts down, whatever they are doing. MAX_COMPACT_TIME=0 turns off H2's own compaction when
     * a process closes the file: it rewrote chunks under 90% full on every close, a read-only
     * command's too, which cost {@code status} and {@code digest preview} 0.45 s at the year
     * benchmark's size and grew the file by the rewritten chunks. {@code store.StoreCompactor}
     * compacts instead, and only after a process that wrote.
     */
    public static String h2File(Path dataDir) {
        return "jdbc:h2:retry:" + dataDir.toAbsolutePath().resolve("tidings")
                + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;MAX_COMPACT_TIME=0";
    }
}
