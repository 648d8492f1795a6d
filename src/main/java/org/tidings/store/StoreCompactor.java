package org.tidings.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.RandomAccessStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compacts an embedded H2 file in the background, as H2's own background writer would. H2 never
 * overwrites a page: each commit writes the changed pages to a new chunk at the end of the file,
 * and an old chunk's space is reused only once none of its pages is live (and H2's 45 s retention
 * time has passed). H2's writer thread rewrites the live pages of mostly dead chunks, but
 * WRITE_DELAY=0 (see {@code DatabaseUrl}) turns that thread off. Without it the storage benchmark's
 * file held twice its live data after ingest, and after housekeeping ten times: deleting one row of
 * a chunk frees none of its space. With it, space freed by housekeeping is written again by the
 * next ingest and the file stays at a steady size.
 *
 * <p>Rewriting frees space inside the file but never shortens it: the chunks written last stay at
 * its end. After a large ingest the year benchmark's file held 1,706 MB, of which 32% was live, in
 * chunks themselves 92% full, so nothing was left to rewrite. Moving the last chunks into the free
 * space lets H2 cut the file (to 519 MB, in half a second), as its own background writer and
 * {@code SHUTDOWN COMPACT} do. A process that closes the store runs one more compaction, so a
 * {@code fetch} or an import leaves the file compact rather than waiting for serve's next minute.
 *
 * <p>H2's internal API, used nowhere else: on PostgreSQL (autovacuum does this), on an in-memory
 * H2, or as a client of another process's AUTO_SERVER there is no file here to compact, and this
 * does nothing.
 */
final class StoreCompactor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreCompactor.class);
    /** Chunks are rewritten while less than this percentage of their bytes is live; H2's own default is 90. */
    static final int TARGET_FILL_RATE = 80;
    /** Bytes rewritten per pass; a pass holds H2's store lock, so writers wait for one pass at most. */
    private static final int BYTES_PER_PASS = 16 << 20;
    /** A run's budget: a few hundred MB a minute is well above what ingest or housekeeping leaves. */
    private static final Duration BUDGET = Duration.ofSeconds(2);
    /**
     * The budget when a process that wrote closes the store: a first fetch of 2,000 feeds leaves a
     * file of 1.7 GB to cut, in about a second, and this is its last chance before serve's minute.
     */
    private static final Duration CLOSING_BUDGET = Duration.ofSeconds(10);
    /**
     * File writes (H2's count) past which a process has written more than its opening and closing
     * do: a command that only read never compacts, not even a file left sparse by another process.
     * Trying cost {@code status} a second at the year benchmark's size.
     */
    private static final long WRITES_OF_A_READER = 50;
    /**
     * Growth of the file past which a process wrote, whatever its count of writes: the year
     * benchmark's ledger wrote a million deliveries in few large commits.
     */
    private static final long GROWTH_OF_A_READER = 1 << 20;
    private static final Duration PERIOD = Duration.ofMinutes(1);
    /** Chunk moves in a row that leave the file as long as it was before a run gives up. */
    private static final int MOVES_WITHOUT_CUT = 8;

    private final DataSource pool;
    private final ScheduledExecutorService timer;
    /** H2's file write count when the pool opened, or -1 with no H2 file here. */
    private final long writesAtStart;
    /** The file's length when the pool opened, or -1 with no H2 file here. */
    private final long sizeAtStart;
    /** Set by {@link #close()} when the file it wrote is still mostly free space. */
    private volatile boolean sparseAfterClose;

    private StoreCompactor(DataSource pool) {
        this.pool = pool;
        this.writesAtStart = fileFigure(pool, true);
        this.sizeAtStart = fileFigure(pool, false);
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tidings-compactor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts compacting every minute. */
    static StoreCompactor start(DataSource pool) {
        StoreCompactor compactor = new StoreCompactor(pool);
        compactor.timer.scheduleWithFixedDelay(compactor::runQuietly, PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
        return compactor;
    }

    /**
     * Rewrites mostly dead chunks for up to two seconds. Chunks written within H2's retention time
     * (45 s) are not yet eligible: the minute's run after a write catches them.
     *
     * @return passes done, each up to 16 MB rewritten; 0 when nothing was sparse enough, or nothing is H2's
     */
    int compact() throws SQLException {
        MVStore store = embeddedStore(pool);
        return store == null ? 0 : compact(store, BUDGET);
    }

    private static int compact(MVStore store, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        RandomAccessStore file = store.getFileStore() instanceof RandomAccessStore f ? f : null;
        // Moves first: they cut a file that is mostly free space in about a second, while
        // rewriting sparse chunks after a large write can take the whole budget.
        int passes = file == null ? 0 : moveChunks(store, file, deadline);
        while (System.nanoTime() < deadline && store.compact(TARGET_FILL_RATE, BYTES_PER_PASS)) {
            store.commit();
            passes++;
        }
        if (file != null) {
            passes += moveChunks(store, file, deadline);
        }
        return passes;
    }

    /**
     * Moves chunks from the end of the file into free space before them while less than
     * {@link #TARGET_FILL_RATE} percent of the file is live, so that H2 can cut the file. H2 takes
     * its store lock for each move, as its own background writer does. A move may only shuffle
     * small chunks between holes first (three passes on the year benchmark's file before the cut),
     * so passes that change nothing visible do not end the run; a few in a row do.
     *
     * @return passes made
     */
    private static int moveChunks(MVStore store, RandomAccessStore file, long deadline) {
        int passes = 0;
        int unchanged = 0;
        while (System.nanoTime() < deadline && file.getFillRate() < TARGET_FILL_RATE && unchanged < MOVES_WITHOUT_CUT) {
            long size = file.size();
            file.compactMoveChunks(TARGET_FILL_RATE, BYTES_PER_PASS, store);
            // The move ends with a chunk of its own at the file's end; the next commit lands in
            // the freed space before it, and only then can H2 cut the file.
            store.commit();
            passes++;
            unchanged = file.size() < size ? 0 : unchanged + 1;
        }
        return passes;
    }

    private void runQuietly() {
        try {
            int passes = compact();
            if (passes > 0) {
                LOG.debug("compacted the database file: {} passes", passes);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not compact the database file: {}", e.toString());
        }
    }

    /**
     * H2's count of file writes so far, or the file's length; -1 when there is no H2 file here or
     * it cannot be reached.
     */
    private static long fileFigure(DataSource pool, boolean writes) {
        try {
            MVStore store = embeddedStore(pool);
            if (store == null) {
                return -1;
            }
            return writes ? store.getFileStore().getWriteCount() : store.getFileStore().size();
        } catch (SQLException | RuntimeException e) {
            return -1;
        }
    }

    /** The store behind the pool when it is an H2 file opened by this process; else null. */
    private static MVStore embeddedStore(DataSource pool) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return embeddedStore(c);
        }
    }

    private static MVStore embeddedStore(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        Session session = c.unwrap(JdbcConnection.class).getSession();
        if (!(session instanceof SessionLocal local) || local.getDatabase().getStore() == null) {
            return null;
        }
        MVStore store = local.getDatabase().getStore().getMvStore();
        return store.getFileStore() == null ? null : store;
    }

    /**
     * Stops the minute's runs, then compacts once more when the file needs it: after a command that
     * wrote much (a first fetch of 2,000 feeds, an import) the file is cut before the process ends.
     * A command that only read finds the file compact and pays for one look at its fill rate.
     */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            MVStore store = embeddedStore(pool);
            if (store != null && wrote(store)) {
                // As H2's own compaction on close does: chunks that died in this process are
                // freed now instead of 45 s from now, when it will be gone. Until then they count
                // as used: each fetch round of the year benchmark closed "100% full" at a quarter
                // live, so the file grew by every round's whole write.
                store.setRetentionTime(0);
                freeDeadChunks(store);
                compact(store, CLOSING_BUDGET);
                // Chunks whose pages this process still pins can be neither rewritten nor moved
                // while its pool is open (the year benchmark's fetch rounds closed with half the
                // file free); once the pool is closed they can.
                sparseAfterClose = store.getFileStore().getFillRate() < TARGET_FILL_RATE
                        || store.getFileStore().getChunksFillRate() < TARGET_FILL_RATE;
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not compact the database file: {}", e.toString());
        }
    }

    /**
     * Frees the space of chunks with no live page left. H2 does so before each commit, but a
     * closing process that only read since its last write has no commit left to make.
     */
    private static void freeDeadChunks(MVStore store) {
        if (store.getFileStore() instanceof RandomAccessStore file) {
            // A target fill rate of 0 moves nothing: H2 drops the dead chunks first, under its lock.
            file.compactMoveChunks(0, 0, store);
        }
    }

    private boolean wrote(MVStore store) {
        return store.getFileStore().getWriteCount() - writesAtStart > WRITES_OF_A_READER
                || store.getFileStore().size() - sizeAtStart > GROWTH_OF_A_READER;
    }

    /**
     * Whether the file should be cut once more after the pool has closed: what this process still
     * pinned can only be moved then (in the year benchmark's build, a fetch round's close left
     * 709 MB with a third free, and opening the file once more alone cut it in 0.3 to 1.3 s; the
     * build then ends at 598 MB, where it ended at 1,724 MB without this and the dead chunks freed).
     */
    boolean sparseAfterClose() {
        return sparseAfterClose;
    }

    /**
     * Opens the closed H2 file once more, alone, and moves its chunks together. Does nothing when
     * another process has it open by now (this one is then its client, with no file to cut).
     */
    static void cutClosedFile(String jdbcUrl) {
        try (Connection c = java.sql.DriverManager.getConnection(jdbcUrl)) {
            MVStore store = embeddedStore(c);
            if (store != null) {
                compact(store, CLOSING_BUDGET);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Could not compact the database file: {}", e.toString());
        }
    }
}
