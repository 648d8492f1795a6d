package org.tidings.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.tidings.Tidings;
import org.tidings.config.DatabaseUrl;
import org.tidings.config.FetchConfig;
import org.tidings.config.TidingsConfig;
import org.tidings.ingest.RunSummary;
import org.tidings.model.Feed;
import org.tidings.store.NewFeed;

/**
 * The ingest benchmark of the README: cold ingest of a WordPress-like corpus served over loopback
 * (HTTP + parse + sanitize + store), a warm refetch of the same feeds, and naive Rome parse-only
 * on the same bytes as the baseline. Run with {@code mvn -q -Pbench verify -DskipTests}.
 *
 * <p>Arguments: [feeds (2000)] [items per feed (25)].
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Path work = Path.of("target", "bench");
        Path corpus = work.resolve("corpus");
        BenchCorpus.ensure(corpus, feeds, items);
        long bytes = corpusBytes(corpus, feeds);
        System.out.printf("corpus: %d feeds x %d items = %d items, %.1f MB, max heap %d MB, %d cores%n", feeds, items,
                feeds * items, bytes / 1e6, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());

        double naive = naiveRome(corpus, feeds);
        System.out.printf("baseline naive Rome parse-only (1 thread): %.1f s, %.0f items/s%n", naive,
                feeds * items / naive);

        int rounds = Integer.getInteger("bench.rounds", 1);
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                System.out.println("-- round " + round + " of " + rounds + " (fresh database, same JVM)");
            }
            ingestRound(work, corpus, feeds, items, bytes, naive);
        }
    }

    private static void ingestRound(Path work, Path corpus, int feeds, int items, long bytes, double naive)
            throws Exception {
        Path data = work.resolve("data");
        BenchFiles.deleteTree(data);
        try (CorpusServer server = CorpusServer.start(corpus, work);
                Tidings t = Tidings.open(config(data, work), Clock.systemUTC())) {
            System.out.println("feeds served by " + server.describe());
            for (int i = 0; i < feeds; i++) {
                t.feeds().addIfAbsent(new NewFeed(server.url(i), null, null, null), t.clock().instant());
            }
            double cold = timeRun(t, "cold ingest");
            System.out.printf("cold ingest (HTTP + parse + sanitize + store): %.1f s, %.0f items/s, %.1f MB/s,"
                    + " %.2fx naive Rome parse-only%n", cold, feeds * items / cold, bytes / 1e6 / cold, naive / cold);
            double warm = timeRun(t, "warm refetch");
            System.out.printf("warm refetch (all unchanged): %.2f s, %.0f feeds/s%n", warm, feeds / warm);
            System.out.printf("stored articles: %d%n", t.articles().count());
        }
    }

    /** Tidings' defaults, but for fetch.concurrency and fetch.per-host: bench.concurrency, bench.per-host. */
    static TidingsConfig config(Path data, Path work) {
        FetchConfig d = FetchConfig.defaults();
        FetchConfig fetch = new FetchConfig(d.timeout(), d.maxBytes(), Integer.getInteger("bench.concurrency",
                d.concurrency()), Integer.getInteger("bench.per-host", d.perHost()), d.interval(), d.userAgent(),
                d.minInterval(), d.maxInterval(), d.giveUpAfter());
        TidingsConfig base = TidingsConfig.forDataDir(data);
        return new TidingsConfig(data, BenchDatabase.config(data), work, base.publicUrl(), fetch, base.mail(), base.digest(),
                base.schedule(), base.web(), base.admin());
    }

    private static double timeRun(Tidings t, String label) throws InterruptedException {
        List<Feed> polled = t.feeds().polled();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        RunSummary summary = t.ingestRun().run(polled, o -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        System.out.printf("%s: %s; process CPU %.1f s (%.1f cores busy)%n", label, summary.describe(), cpu,
                cpu / seconds);
        return seconds;
    }

    /** CPU time of the whole process: our threads, the in-process test server, JIT and GC. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Rome as most code uses it: its own XmlReader and SyndFeedInput per document, one thread. */
    private static double naiveRome(Path corpus, int feeds) throws Exception {
        long start = System.nanoTime();
        int entries = 0;
        for (int i = 0; i < feeds; i++) {
            try (InputStream in = Files.newInputStream(BenchCorpus.feedFile(corpus, i))) {
                SyndFeed feed = new SyndFeedInput().build(new XmlReader(in));
                entries += feed.getEntries().size();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (entries == 0) {
            throw new IllegalStateException("naive Rome parsed nothing");
        }
        return seconds;
    }

    private static long corpusBytes(Path corpus, int feeds) throws IOException {
        long total = 0;
        for (int i = 0; i < feeds; i++) {
            total += Files.size(BenchCorpus.feedFile(corpus, i));
        }
        return total;
    }
}
