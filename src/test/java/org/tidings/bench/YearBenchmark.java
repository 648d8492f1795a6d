package org.tidings.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The year-of-data benchmark of the README (issue 9): builds a database as a real installation
 * holds after a year ({@link YearData}), then measures the pages of a running {@code serve} and the
 * commands of the command line against it, each in a JVM of its own with {@code -Xmx256m}, and
 * prints each figure beside the target. It reports; nothing in it fails on a slow figure.
 *
 * <p>Settings (system properties): {@code bench.dir} (target/bench/year-data), {@code bench.reuse}
 * (false: rebuild), {@code bench.feeds} (2000), {@code bench.fetches} (4 rounds of 25 items per
 * feed; not bench.rounds, which the pom's default bench.jvmArgs sets for the ingest benchmark),
 * {@code bench.subscribers} (100000), {@code bench.issues} (12), {@code bench.duration} (wrk's,
 * 10s), {@code bench.timeout} (seconds a command or page may take, 120).
 */
public final class YearBenchmark {
    private YearBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("target", "bench");
        Path dir = Path.of(System.getProperty("bench.dir", work.resolve("year-data").toString())).toAbsolutePath();
        YearData.Size size = new YearData.Size(Integer.getInteger("bench.feeds", 2000),
                Integer.getInteger("bench.fetches", 4), Integer.getInteger("bench.subscribers", 100_000),
                Integer.getInteger("bench.issues", 12));
        YearData.Built built;
        if (Boolean.getBoolean("bench.reuse") && YearData.exists(dir)) {
            built = YearData.Built.load(dir);
            System.out.println("reusing " + dir + " (built in " + built.took().toSeconds() + " s)");
        } else {
            Files.createDirectories(work);
            built = YearData.build(dir, work, size);
            System.out.printf("built %s in %d s%n", dir, built.took().toSeconds());
        }
        System.out.printf("%,d feeds, %,d articles, %,d subscribers; corpus %,d bytes, data folder %,d bytes%n",
                built.feeds(), built.articles(), built.subscribers(), built.corpusBytes(), built.folderBytes());
    }
}
