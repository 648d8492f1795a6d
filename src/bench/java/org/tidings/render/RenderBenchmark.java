package org.tidings.render;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tidings.mail.WireSize;
import org.tidings.model.Digest;
import org.tidings.model.Subscriber;

/**
 * How many complete digest emails (text and HTML, no MIME) one thread renders per second, for a
 * digest of 30 articles with ~340-character summaries in five feeds and three categories. Not a
 * test: speed is measured, never asserted. Run after {@code mvn -q -o -Pbench test-compile} with
 * {@code java -cp target/classes:target/test-classes:<mustache jar> org.tidings.render.RenderBenchmark [seconds per round]}.
 */
public final class RenderBenchmark {
    private static final int ROUNDS = 5;

    private RenderBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2.0;
        DigestRenderer renderer = new DigestRenderer(Templates.load(null), SampleDigests.CONFIG, SampleDigests.LINKS,
                WireSize::of);
        Digest digest = SampleDigests.week(6);
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            subscribers.add(SampleDigests.subscriber("Reader " + i));
        }
        RenderedEmail sample = renderer.render(digest, subscribers.get(0));
        System.out.printf("digest: %d articles; one email = %d chars text + %d chars html%n",
                digest.articleCount(), sample.text().length(), sample.html().length());

        run(renderer, digest, subscribers, seconds * 1.5, "warm-up");
        List<double[]> rates = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            rates.add(run(renderer, digest, subscribers, seconds, "round " + round));
        }
        double wall = median(rates, 0);
        double cpu = median(rates, 1);
        // On a shared machine the wall-clock rate undercounts; the CPU rate is what one free core does.
        System.out.printf("median: %.0f emails/s wall on one thread, %.0f per CPU-second (%.0f µs CPU per email)%n",
                wall, cpu, 1e6 / cpu);
    }

    private static double median(List<double[]> rates, int column) {
        List<Double> values = new ArrayList<>();
        for (double[] rate : rates) {
            values.add(rate[column]);
        }
        Collections.sort(values);
        return values.get(values.size() / 2);
    }

    /** @return {emails per wall second, emails per CPU second} */
    private static double[] run(DigestRenderer renderer, Digest digest, List<Subscriber> subscribers, double seconds,
            String label) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        long sink = 0;
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 100; i++) {
                RenderedEmail email = renderer.render(digest, subscribers.get((int) (count++ & 63)));
                sink += email.html().length() + email.text().length();
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        double rate = count / wall;
        System.out.printf("%-8s %8d emails in %.2f s wall, %.2f s CPU: %.0f emails/s, %.0f per CPU-second (%d)%n",
                label, count, wall, cpu, rate, count / cpu, sink % 10);
        return new double[] {rate, count / cpu};
    }
}
