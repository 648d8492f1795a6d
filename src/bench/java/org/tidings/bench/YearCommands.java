package org.tidings.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.tidings.bench.YearReport.Verdict;

/**
 * The command line against the year of data: each command a fresh {@code java -Xmx256m -jar}
 * process, wall time from start to exit (JVM start included), three runs unless the first fails or
 * times out. Its output is discarded (errors go to a log per command, with --verbose for stack traces).
 */
final class YearCommands {
    private static final int RUNS = 3;
    private static final int IMPORT_ROWS = 100_000;
    /** Where the bad row of the import's CSV goes: line 1 is the header. */
    private static final int BAD_LINE = 50_002;

    private record Command(List<String> args, double targetSeconds) {
    }

    private static final List<Command> COMMANDS = List.of(
            new Command(List.of("feeds", "list"), 1.5),
            new Command(List.of("feeds", "list", "--format", "json"), 1.5),
            new Command(List.of("status"), 1.5),
            new Command(List.of("feed", "--limit", "50"), 1.5),
            new Command(List.of("feed", "--format", "json", "--limit", "50"), 1.5),
            new Command(List.of("digest", "preview"), 1.5),
            new Command(List.of("subscribers", "list", "--format", "json"), 4),
            new Command(List.of("subscribers", "export"), 0));

    private final TidingsJar jar;
    private final Path logs;
    private final Duration limit;
    private final YearReport report;

    YearCommands(TidingsJar jar, Path logs, Duration limit, YearReport report) {
        this.jar = jar;
        this.logs = logs;
        this.limit = limit;
        this.report = report;
    }

    void measure() throws IOException, InterruptedException {
        for (Command c : COMMANDS) {
            timed(c);
        }
    }

    private void timed(Command c) throws IOException, InterruptedException {
        String name = String.join(" ", c.args());
        Path err = logs.resolve("cli-" + name.replaceAll("[^a-z0-9]+", "-").replaceAll("-$", "") + ".err");
        Files.deleteIfExists(err);
        List<Duration> walls = new ArrayList<>();
        TimedCommand.Outcome first = null;
        for (int i = 0; i < RUNS; i++) {
            TimedCommand.Outcome o = TimedCommand.run(jar.command(List.of(), verbose(c.args())),
                    ProcessBuilder.Redirect.DISCARD, err, limit);
            first = first == null ? o : first;
            if (!o.succeeded()) {
                break;
            }
            walls.add(o.wall());
        }
        String target = c.targetSeconds() > 0 ? "<= " + c.targetSeconds() + " s" : "";
        if (walls.size() < RUNS) {
            report.add("`" + name + "`", first.succeeded() ? "first " + first.describe() + ", then a failed run (see "
                    + err.getFileName() + ")" : first.describe() + " (see " + err.getFileName() + ")", target,
                    c.targetSeconds() > 0 ? Verdict.NOT_MET : Verdict.NONE);
            return;
        }
        Duration median = walls.stream().sorted().toList().get(RUNS / 2);
        report.add("`" + name + "`", "first " + first.describe() + ", median of " + RUNS + " "
                + TimedCommand.seconds(median), target, c.targetSeconds() > 0
                ? Verdict.of(median.toMillis() <= c.targetSeconds() * 1000) : Verdict.NONE);
    }

    private static List<String> verbose(List<String> args) {
        List<String> all = new ArrayList<>(List.of("--verbose"));
        all.addAll(args);
        return all;
    }

    /**
     * {@code subscribers import} of a {@value #IMPORT_ROWS}-row CSV with one bad row into an empty
     * database of its own, once: rows/s over the wall time, and whether the bad row's line is reported.
     */
    void importInto(Path emptyDir, Path config) throws IOException, InterruptedException {
        BenchFiles.deleteTree(emptyDir);
        Files.writeString(config, "data.dir=" + emptyDir.toAbsolutePath() + "\n");
        Path csv = logs.resolve("import.csv");
        writeCsv(csv);
        Path out = logs.resolve("cli-subscribers-import.out");
        Path err = logs.resolve("cli-subscribers-import.err");
        Files.deleteIfExists(err);
        TimedCommand.Outcome o = TimedCommand.run(jar.with(config).command(List.of(), List.of("--verbose",
                "subscribers", "import", csv.toAbsolutePath().toString())), ProcessBuilder.Redirect.to(out.toFile()),
                err, limit);
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        boolean lineReported = printed.contains("line " + BAD_LINE);
        String label = "`subscribers import` of " + String.format("%,d", IMPORT_ROWS) + " rows + 1 bad (line "
                + BAD_LINE + "), empty database";
        if (!o.succeeded()) {
            report.add(label, o.describe() + " (see " + err.getFileName() + ")", ">= 10,000 rows/s", Verdict.NOT_MET);
            return;
        }
        double rate = IMPORT_ROWS / (o.wall().toNanos() / 1e9);
        report.add(label, String.format("%s, %,.0f rows/s; bad line reported: %s; it printed: %s", o.describe(), rate,
                lineReported ? "yes" : "no", printed.strip().lines().reduce((a, b) -> b).orElse("")),
                ">= 10,000 rows/s, bad line reported", Verdict.of(rate >= 10_000 && lineReported));
    }

    private static void writeCsv(Path csv) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("email,name,categories\n");
            for (int i = 0, line = 2; i < IMPORT_ROWS; line++) {
                if (line == BAD_LINE) {
                    w.write("not-an-address,Bad Row,Europe\n");
                    continue;
                }
                w.write("reader" + i + "@example.org,Reader " + i + "," + (i % 4 == 0 ? "Europe;Labour" : "") + "\n");
                i++;
            }
        }
    }
}
