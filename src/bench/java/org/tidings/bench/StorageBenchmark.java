package org.tidings.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalInt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.tidings.Tidings;
import org.tidings.config.DatabaseConfig;
import org.tidings.config.TidingsConfig;
import org.tidings.ingest.RunSummary;
import org.tidings.model.Feed;
import org.tidings.store.ArticleQuery;
import org.tidings.store.NewFeed;

/**
 * The storage benchmark of the README: the ingest corpus fetched several rounds through the real
 * ingest path, each round with new guids and links (as the same feeds a day later), then a steady
 * state of daily housekeeping: ingest a round, delete the oldest. Reports the bytes served, the
 * data folder's bytes, and H2's own figures (file fill rate, chunks, the articles table's pages).
 * Run with {@code mvn -q -Pbench test-compile exec:exec@storage-bench}.
 *
 * <p>Arguments: [feeds (2000)] [items per feed (25)]. System properties: {@code bench.storage.rounds} (4)
 * rounds of growth, {@code bench.storage.steady} (4) rounds of ingest-then-housekeeping after them,
 * {@code bench.dbUrlSuffix} settings appended to the H2 URL (to try H2 options), {@code bench.read}
 * (false) times the merged feed's read of 50 articles with content at the end.
 */
public final class StorageBenchmark {
    /** Each round is a day later: housekeeping tells rounds apart by first_seen_at. */
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    private StorageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        int rounds = Integer.getInteger("bench.storage.rounds", 4);
        int steady = Integer.getInteger("bench.storage.steady", 4);
        Path work = Path.of("target", "bench");
        Path corpus = work.resolve("corpus");
        Path served = work.resolve("storage-corpus");
        Path data = work.resolve("storage-data");
        BenchCorpus.ensure(corpus, feeds, items);
        BenchFiles.deleteTree(data);
        Files.createDirectories(served);
        SettableClock clock = new SettableClock(START);
        TidingsConfig base = IngestBenchmark.config(data, work);
        TidingsConfig config = new TidingsConfig(base.dataDir(), new DatabaseConfig(base.dbUrl()
                + System.getProperty("bench.dbUrlSuffix", ""), null, null, OptionalInt.empty()), base.baseDir(), base.publicUrl(), base.fetch(), base.mail(), base.digest(), base.schedule(),
                base.web(), base.admin());
        System.out.printf("storage: %d feeds x %d items a round, %d rounds then %d of ingest + housekeeping; %s%n",
                feeds, items, rounds, steady, config.dbUrl());
        long corpusBytes = 0;
        Deque<Long> kept = new ArrayDeque<>();
        try (CorpusServer server = CorpusServer.start(served, work);
                Tidings t = Tidings.open(config, clock)) {
            for (int i = 0; i < feeds; i++) {
                t.feeds().addIfAbsent(new NewFeed(server.url(i), null, null, null), clock.instant());
            }
            for (int round = 1; round <= rounds + steady; round++) {
                clock.set(START.plus(Duration.ofDays(round)));
                long bytes = writeRound(corpus, served, feeds, round);
                corpusBytes += bytes;
                kept.addLast(bytes);
                long start = System.nanoTime();
                RunSummary summary = t.ingestRun().run(t.feeds().polled(), o -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                report(t, data, String.format("round %d ingested (%s, %.1f s)", round, summary.describe(), seconds),
                        corpusBytes, kept);
                if (round > rounds) {
                    int oldest = round - rounds;
                    start = System.nanoTime();
                    long deleted = t.retention().deleteOlderThan(START.plus(Duration.ofDays(oldest + 1)),
                            clock.instant());
                    long purged = t.tombstonePurge().purge(clock.instant());
                    kept.removeFirst();
                    report(t, data, String.format("housekeeping deleted round %d (%d articles, %d tombstones, %.1f s)",
                            oldest, deleted, purged, (System.nanoTime() - start) / 1e9), corpusBytes, kept);
                }
                dayLater(t);
                report(t, data, "a day later", corpusBytes, kept);
            }
            breakdown(t);
            if (Boolean.getBoolean("bench.read")) {
                readNewest(t);
            }
        }
        System.out.printf("closed: data folder %.1f MB, corpus %.1f MB, ratio %.2f%n", folderBytes(data) / 1e6,
                corpusBytes / 1e6, (double) folderBytes(data) / corpusBytes);
    }

    /**
     * A day later, as far as the file is concerned: waits past H2's retention time (45 s, after
     * which freed chunks may be written again), then runs the compactor as serve's background
     * thread does each minute, until it finds nothing more to do.
     */
    private static void dayLater(Tidings t) throws InterruptedException {
        Thread.sleep(Long.getLong("bench.storage.pause", 46) * 1000);
        long start = System.nanoTime();
        int runs = 0;
        int passes = 0;
        for (int p = t.database().compact(); p > 0 && runs < 30; p = t.database().compact()) {
            passes += p;
            runs++;
        }
        System.out.printf("  compactor: %d runs, %d passes, %.1f s%n", runs, passes, (System.nanoTime() - start) / 1e9);
    }

    /** Round {@code round} of the corpus: every guid and link made new, the rest as it was. @return bytes */
    private static long writeRound(Path corpus, Path served, int feeds, int round) throws IOException {
        long bytes = 0;
        for (int i = 0; i < feeds; i++) {
            String xml = Files.readString(BenchCorpus.feedFile(corpus, i), StandardCharsets.UTF_8)
                    .replace("/?p=", "/?p=r" + round + "-").replace("/article-", "/article-r" + round + "-");
            Path file = BenchCorpus.feedFile(served, i);
            Files.writeString(file, xml, StandardCharsets.UTF_8);
            bytes += Files.size(file);
        }
        return bytes;
    }

    /** One line: the articles, the bytes fetched so far and those of the rounds still kept, the folder, H2's figures. */
    private static void report(Tidings t, Path data, String what, long corpusBytes, Deque<Long> kept)
            throws Exception {
        long folder = folderBytes(data);
        long keptBytes = kept.stream().mapToLong(Long::longValue).sum();
        Map<String, String> h2 = h2Figures(t);
        System.out.printf("%s: %d articles; corpus fetched %.1f MB, of the rounds kept %.1f MB; data folder %.1f MB"
                + " (%.2fx the kept corpus); articles table %s MB; H2 %s%n", what, t.articles().count(),
                corpusBytes / 1e6, keptBytes / 1e6, folder / 1e6, (double) folder / keptBytes, h2.remove("articles"),
                h2);
    }

    /** H2's view of its file: how full the chunks are, how many, and the articles table's share. */
    private static Map<String, String> h2Figures(Tidings t) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = t.dataSource().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("CALL DISK_SPACE_USED('articles')")) {
                rs.next();
                out.put("articles", String.format("%.1f", rs.getLong(1) / 1e6));
            }
            try (ResultSet rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE',"
                    + " 'info.CHUNKS_FILL_RATE_RW', 'info.CHUNK_COUNT', 'info.FILE_SIZE', 'info.PAGE_COUNT')")) {
                while (rs.next()) {
                    out.put(rs.getString(1).substring("info.".length()).toLowerCase(), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Where the live bytes are: average stored sizes of the articles' big columns. */
    private static void breakdown(Tidings t) throws SQLException {
        try (Connection c = t.dataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), AVG(OCTET_LENGTH(summary)),"
                        + " AVG(OCTET_LENGTH(content)), AVG(OCTET_LENGTH(content_hash)), AVG(OCTET_LENGTH(guid)),"
                        + " AVG(OCTET_LENGTH(url)) FROM articles")) {
            rs.next();
            System.out.printf("live articles %d, average stored bytes: summary %.0f, content %.0f, content_hash %.0f,"
                    + " guid %.0f, url %.0f%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4),
                    rs.getDouble(5), rs.getDouble(6));
        }
    }

    /** The merged feed's read: the newest 50 articles with their content. */
    private static void readNewest(Tidings t) {
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            int chars = t.articles().newest(new ArticleQuery(null, 50)).stream()
                    .mapToInt(a -> a.contentHtml().length()).sum();
            System.out.printf("newest 50 with content: %.0f ms, %d chars%n", (System.nanoTime() - start) / 1e6, chars);
        }
    }

    private static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The benchmark's day: each round is fetched and first seen a day after the one before. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
