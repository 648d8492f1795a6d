package org.tidings.bench;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.tidings.bench.YearReport.Verdict;

/**
 * The year-of-data benchmark of the README (issue 9): builds a database as a real installation
 * holds after a year ({@link YearData}), then measures the pages of a running {@code serve}
 * ({@link YearPages}) and the commands of the command line ({@link YearCommands}) against it, each
 * in a JVM of its own with {@code -Xmx256m} from target/tidings.jar, and prints each figure beside
 * the target. It reports; nothing in it fails on a slow figure.
 *
 * <p>Settings (system properties): {@code bench.dir} (target/bench/year-data), {@code bench.reuse}
 * (false: rebuild), {@code bench.feeds} (2000), {@code bench.fetches} (4 rounds of 25 items per
 * feed; not bench.rounds, which the pom's default bench.jvmArgs sets for the ingest benchmark),
 * {@code bench.subscribers} (100000), {@code bench.issues} (12), {@code bench.duration} (wrk's,
 * 10s), {@code bench.timeout} (seconds a command, page or serve start may take, 120).
 */
public final class YearBenchmark {
    private YearBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of("target", "bench");
        Path dir = Path.of(System.getProperty("bench.dir", work.resolve("year-data").toString())).toAbsolutePath();
        Duration limit = Duration.ofSeconds(Integer.getInteger("bench.timeout", 120));
        Wrk wrk = Wrk.find().orElseThrow(() -> new IllegalStateException(
                "wrk is not installed (apt-get install wrk): the year benchmark needs it for the pages"));
        Path logs = work.resolve("year-logs");
        BenchFiles.deleteTree(logs);
        Files.createDirectories(logs);
        int port = freePort();
        Path config = logs.resolve("tidings.properties");
        TidingsJar jar = TidingsJar.find(Path.of("target", "tidings.jar"), config);

        YearReport report = new YearReport();
        YearData.Built built = buildOrReuse(dir, work, report);
        writeConfig(config, dir, port);
        long started = System.nanoTime();
        try (YearServe serve = new YearServe(jar, port, logs, limit)) {
            report.info("serve start until /healthz answers", TimedCommand.seconds(serve.start()));
            new YearPages(serve, wrk, report, System.getProperty("bench.duration", "10s"), limit).measure();
            YearPages.heap(serve, report);
            serve.troubles(5).forEach(l -> System.out.println("serve log: " + l));
        }
        YearCommands commands = new YearCommands(jar, logs, limit, report);
        commands.measure();
        commands.importInto(work.resolve("year-import"), logs.resolve("import.properties"));
        report.info("data folder after the measures", YearReport.megabytes(YearData.folderBytes(dir)));
        report.info("measuring took", TimedCommand.seconds(Duration.ofNanos(System.nanoTime() - started)));
        report.print();
        System.out.printf("%,d feeds, %,d articles (%d fetch rounds), %,d subscribers; logs and config in %s%n",
                built.feeds(), built.articles(), built.fetches(), built.subscribers(), logs.toAbsolutePath());
    }

    private static YearData.Built buildOrReuse(Path dir, Path work, YearReport report) throws Exception {
        YearData.Built built;
        if (Boolean.getBoolean("bench.reuse") && YearData.exists(dir)) {
            built = YearData.Built.load(dir);
            System.out.println("reusing " + dir);
        } else {
            Files.createDirectories(work);
            built = YearData.build(dir, work, new YearData.Size(Integer.getInteger("bench.feeds", 2000),
                    Integer.getInteger("bench.fetches", 4), Integer.getInteger("bench.subscribers", 100_000),
                    Integer.getInteger("bench.issues", 12)));
        }
        report.info("building the year of data", built.took().toSeconds() + " s" + (Boolean.getBoolean("bench.reuse")
                ? " (when it was built)" : ""));
        report.info("corpus served over the " + built.fetches() + " fetch rounds", YearReport.megabytes(
                built.corpusBytes()));
        report.add("data folder after building (database closed)", String.format("%s = %.2fx the corpus",
                YearReport.megabytes(built.folderBytes()), (double) built.folderBytes() / built.corpusBytes()),
                "<= corpus", Verdict.of(built.folderBytes() <= built.corpusBytes()));
        return built;
    }

    /**
     * serve on a free loopback port with the admin on; no feed fetch, newsletter or housekeeping
     * comes due while it is measured (retention long, the newsletter's cron in 2099).
     */
    private static void writeConfig(Path config, Path dir, int port) throws java.io.IOException {
        Files.writeString(config, String.join("\n", "data.dir=" + dir, "http.bind=127.0.0.1", "http.port=" + port,
                "public.url=http://127.0.0.1:" + port, "admin.password=" + YearPages.PASSWORD, "retention.days=3650",
                "digest.cron=0 0 7 1 1 ? 2099", "mail.transport=file", ""));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
