package org.tidings.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.tidings.Tidings;
import org.tidings.ingest.RunSummary;
import org.tidings.store.NewFeed;

/**
 * The scheduler benchmark of the README: one refresh round over many feeds, about 5% of them
 * changed, run directly ({@code RefreshRound.run}, what the job calls) and through the scheduler
 * (Quartz started, its trigger firing the job, on the same database), alternately, so that drift
 * of the machine falls on both. What scheduling adds is measured inside each scheduled round: its
 * wall time minus the job body, which is the same ingest call the direct rounds make. The difference
 * of the medians is printed too, but rounds of one kind differ by far more than that overhead.
 * Run with {@code mvn -q -Pbench test-compile exec:exec@schedule-bench}.
 *
 * <p>System properties: {@code bench.feeds} (10000), {@code bench.items} per feed (10),
 * {@code bench.changed} share of feeds with a new post each round (0.05), {@code bench.pairs} of
 * direct and scheduled rounds (6), in the order D S S D D S...
 */
public final class ScheduleBenchmark {
    private static final double TARGET = 0.05;

    private ScheduleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int feeds = Integer.getInteger("bench.feeds", 10_000);
        int items = Integer.getInteger("bench.items", 10);
        int changed = (int) Math.round(feeds * Double.parseDouble(System.getProperty("bench.changed", "0.05")));
        int pairs = Integer.getInteger("bench.pairs", 6);
        Path work = Path.of("target", "bench", "schedule");
        Path corpus = work.resolve("corpus");
        Path data = work.resolve("data");
        BenchCorpus.ensure(corpus, feeds, items);
        // The rounds below publish posts into these files: the next run must write them afresh.
        Files.delete(corpus.resolve("complete-" + feeds + "x" + items));
        BenchFiles.deleteTree(data);
        System.out.printf("schedule: %d feeds x %d items, %d feeds (%.0f%%) with a new post each round; max heap"
                + " %d MB, %d cores%n", feeds, items, changed, 100.0 * changed / feeds,
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (CorpusServer server = CorpusServer.start(corpus, work);
                Tidings t = Tidings.open(IngestBenchmark.config(data, work), Clock.systemUTC())) {
            System.out.println("feeds served by " + server.describe());
            for (int i = 0; i < feeds; i++) {
                t.feeds().addIfAbsent(new NewFeed(server.url(i), null, null, null), t.clock().instant());
            }
            System.out.println("loaded (first full ingest, not measured): " + t.refreshRound().run(() -> false)
                    .describe());
            allDue(t);
            System.out.printf("warm-up round, direct, nothing changed (not counted): %.2f s%n", direct(t).seconds);
            measure(t, corpus, feeds, items, changed, pairs);
        }
    }

    private static void measure(Tidings t, Path corpus, int feeds, int items, int changed, int pairs)
            throws Exception {
        List<Double> direct = new ArrayList<>();
        List<Double> scheduled = new ArrayList<>();
        List<Double> quartz = new ArrayList<>();
        HeapWatch heap = HeapWatch.start();
        int round = 0;
        for (int p = 0; p < pairs; p++) {
            // D S, then S D: a round that always came second would always be the warmer one.
            for (boolean viaSchedule : p % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                prepare(t, corpus, feeds, items + round++, changed);
                if (viaSchedule) {
                    scheduled(t, round, scheduled, quartz);
                } else {
                    Direct d = direct(t);
                    direct.add(d.seconds);
                    System.out.printf("round %d direct:    %.2f s; %s; process CPU %.1f s%n", round, d.seconds,
                            d.summary.describe(), d.cpu);
                }
            }
        }
        heap.stop();
        double d = median(direct);
        double s = median(scheduled);
        double q = median(quartz);
        System.out.printf("median direct %.2f s (%.2f-%.2f), median scheduled %.2f s (%.2f-%.2f): %+.1f%%, within"
                + " the spread of rounds of one kind%n", d, Collections.min(direct), Collections.max(direct), s,
                Collections.min(scheduled), Collections.max(scheduled), 100 * (s - d) / d);
        System.out.printf("the scheduler's own part (scheduled wall - job body): median %.0f ms, max %.0f ms ="
                + " %.1f%% of the median direct round (target < %.0f%%: %s)%n", q * 1e3, Collections.max(quartz) * 1e3,
                100 * q / d, 100 * TARGET, q / d < TARGET ? "met" : "NOT met");
        System.out.printf("heap: at most %d MB in use after a GC during the rounds%n", heap.maxAfterGc() >> 20);
    }

    private static void scheduled(Tidings t, int round, List<Double> walls, List<Double> quartz) throws Exception {
        long cpu = IngestBenchmark.processCpuNanos();
        ScheduledRound.Times s = ScheduledRound.run(t);
        double cpuSeconds = (IngestBenchmark.processCpuNanos() - cpu) / 1e9;
        walls.add(s.wall());
        quartz.add(s.wall() - s.body());
        System.out.printf("round %d scheduled: %.2f s = Schedule.start %.0f ms + until the job runs %.0f ms"
                + " + job body %.2f s; %s; stop after it %.0f ms; process CPU %.1f s (stop included)%n", round,
                s.wall(), s.started() * 1e3, (s.bodyStart() - s.started()) * 1e3, s.body(), s.jobLine(),
                s.stop() * 1e3, cpuSeconds);
    }

    /** Every feed due, and {@code changed} of them, a different draw each round, with a new post. */
    private static void prepare(Tidings t, Path corpus, int feeds, int post, int changed) throws Exception {
        allDue(t);
        new Random(post).ints(0, feeds).distinct().limit(changed).forEach(f -> publish(corpus, f, post));
        System.gc();
    }

    private static void publish(Path corpus, int f, int post) {
        try {
            BenchCorpus.publish(corpus, f, post);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void allDue(Tidings t) throws SQLException {
        try (Connection c = t.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE feeds SET next_fetch_at = NULL");
        }
    }

    private record Direct(double seconds, double cpu, RunSummary summary) {
    }

    private static Direct direct(Tidings t) throws InterruptedException {
        long cpu = IngestBenchmark.processCpuNanos();
        long start = System.nanoTime();
        RunSummary summary = t.refreshRound().run(() -> false);
        return new Direct((System.nanoTime() - start) / 1e9, (IngestBenchmark.processCpuNanos() - cpu) / 1e9,
                summary);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
