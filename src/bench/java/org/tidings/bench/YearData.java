package org.tidings.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.tidings.Tidings;
import org.tidings.config.TidingsConfig;
import org.tidings.ingest.RunSummary;
import org.tidings.store.NewFeed;

/**
 * Builds the year-sized database: the ingest corpus fetched {@code fetches} times through the real
 * ingest code, 13 weeks apart and each time with new posts, so that first_seen_at spreads like a
 * real installation's and the coming issue covers the last round only; then the subscribers and
 * the sent issues of {@link YearLedger}. What it built is written beside the folder, for
 * {@code -Dbench.reuse=true}.
 */
final class YearData {
    static final List<String> CATEGORIES = List.of("Europe", "Labour", "Housing", "Elections", "Culture");
    private static final Duration ROUND_GAP = Duration.ofDays(7 * 13);
    /** After the build no feed is due: a serve started on the folder must not fetch from a corpus server long gone. */
    private static final Instant NEVER = Instant.parse("2099-01-01T00:00:00Z");

    /** What was built: kept in {@code <dir>.built} so that a reused folder reports the same corpus. */
    record Built(int feeds, int fetches, int subscribers, long articles, long corpusBytes, long folderBytes,
            Duration took) {
        void save(Path dir) throws IOException {
            Properties p = new Properties();
            p.setProperty("feeds", "" + feeds);
            p.setProperty("fetches", "" + fetches);
            p.setProperty("subscribers", "" + subscribers);
            p.setProperty("articles", "" + articles);
            p.setProperty("corpus.bytes", "" + corpusBytes);
            p.setProperty("folder.bytes", "" + folderBytes);
            p.setProperty("took.seconds", "" + took.toSeconds());
            try (Writer w = Files.newBufferedWriter(marker(dir))) {
                p.store(w, "built by YearBenchmark");
            }
        }

        static Built load(Path dir) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(marker(dir))) {
                p.load(r);
            }
            return new Built(Integer.parseInt(p.getProperty("feeds")), Integer.parseInt(p.getProperty("fetches")),
                    Integer.parseInt(p.getProperty("subscribers")), Long.parseLong(p.getProperty("articles")),
                    Long.parseLong(p.getProperty("corpus.bytes")), Long.parseLong(p.getProperty("folder.bytes")),
                    Duration.ofSeconds(Long.parseLong(p.getProperty("took.seconds"))));
        }
    }

    /** The size of the year: feeds of 25 items each, fetch rounds, subscribers, sent issues. */
    record Size(int feeds, int fetches, int subscribers, int issues) {
    }

    private YearData() {
    }

    static boolean exists(Path dir) {
        return Files.exists(marker(dir)) && Files.isDirectory(dir);
    }

    static Built build(Path dir, Path work, Size size) throws Exception {
        long started = System.nanoTime();
        BenchFiles.deleteTree(dir);
        Files.deleteIfExists(marker(dir));
        TidingsConfig config = IngestBenchmark.config(dir, work);
        Instant lastRound = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(2));
        YearCorpus corpus = new YearCorpus(work.resolve("corpus"), work.resolve("year-corpus"), size.feeds());
        long corpusBytes = 0;
        try (CorpusServer server = CorpusServer.start(corpus.served(), work)) {
            System.out.println("feeds served by " + server.describe());
            for (int round = 0; round < size.fetches(); round++) {
                Instant at = lastRound.minus(ROUND_GAP.multipliedBy(size.fetches() - 1 - round));
                corpusBytes += corpus.writeRound(round, at);
                fetchRound(config, server, size.feeds(), round, at);
            }
        }
        long articles;
        try (Tidings t = Tidings.open(config, at(lastRound))) {
            articles = t.articles().count();
            YearLedger ledger = new YearLedger(t.dataSource(), lastRound);
            ledger.subscribers(size.subscribers());
            ledger.issues(size.issues());
            pauseFetching(t);
        }
        Built built = new Built(size.feeds(), size.fetches(), size.subscribers(), articles, corpusBytes,
                folderBytes(dir), Duration.ofNanos(System.nanoTime() - started));
        built.save(dir);
        return built;
    }

    /** A Tidings whose clock reads {@code at} now and runs on from there. */
    private static Clock at(Instant at) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), at));
    }

    private static void fetchRound(TidingsConfig config, CorpusServer server, int feeds, int round, Instant at)
            throws InterruptedException {
        try (Tidings t = Tidings.open(config, at(at))) {
            if (round == 0) {
                for (int i = 0; i < feeds; i++) {
                    String category = i % 6 == 5 ? null : CATEGORIES.get(i % CATEGORIES.size());
                    t.feeds().addIfAbsent(new NewFeed(server.url(i), null, null, category), t.clock().instant());
                }
            }
            long start = System.nanoTime();
            RunSummary summary = t.ingestRun().run(t.feeds().polled(), o -> { });
            System.out.printf("fetch round %d as of %s: %s in %.0f s%n", round + 1, at, summary.describe(),
                    (System.nanoTime() - start) / 1e9);
        }
    }

    private static void pauseFetching(Tidings t) throws SQLException {
        try (Connection c = t.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE feeds SET next_fetch_at = ?")) {
            ps.setObject(1, NEVER.atOffset(java.time.ZoneOffset.UTC));
            ps.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static Path marker(Path dir) {
        return dir.resolveSibling(dir.getFileName() + ".built");
    }
}
