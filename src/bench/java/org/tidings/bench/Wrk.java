package org.tidings.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** {@code wrk} from Debian ({@code apt-get install wrk}) in a process of its own, and what it printed. */
final class Wrk {
    private static final Pattern P99 = Pattern.compile("\\n\\s*99%\\s+([0-9.]+)(us|ms|s|m)\\b");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    private final Path executable;

    private Wrk(Path executable) {
        this.executable = executable;
    }

    /** wrk on the PATH, if installed. */
    static Optional<Wrk> find() {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator)).map(d -> Path.of(d, "wrk"))
                .filter(Files::isExecutable).findFirst().map(Wrk::new);
    }

    /**
     * One run's figures: {@code requests} answered, {@code p99Millis} NaN without {@code --latency}
     * or without an answer; {@code socketErrors} counts connect, read and write errors,
     * {@code timeouts} wrk's own (2 s a request; requests still unanswered at the end are in neither).
     */
    record Result(String command, String output, long requests, double requestsPerSecond, double p99Millis,
            long non2xx, long socketErrors, long timeouts) {
        boolean clean() {
            return requests > 0 && non2xx == 0 && socketErrors == 0 && timeouts == 0;
        }
    }

    /**
     * Runs {@code wrk -t2 -c<connections> -d<duration> [extra] url}; the process is killed if it
     * outlives its duration by 30 s. A failed or killed run throws, with wrk's output.
     */
    Result run(String url, int connections, String duration, List<String> extra) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-t2", "-c" + connections,
                "-d" + duration));
        command.addAll(extra);
        command.add(url);
        String shown = String.join(" ", command).replace(executable.toString(), "wrk");
        Process p = ChildProcesses.start(new ProcessBuilder(command).redirectErrorStream(true));
        try {
            if (!p.waitFor(seconds(duration) + 30, TimeUnit.SECONDS)) {
                throw new IOException(shown + " did not finish; killed");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(shown + " failed (exit " + p.exitValue() + "):\n" + out);
            }
            return parse(shown, out);
        } finally {
            ChildProcesses.kill(p);
        }
    }

    private static Result parse(String command, String out) throws IOException {
        double rps = out.lines().filter(l -> l.startsWith("Requests/sec:"))
                .mapToDouble(l -> Double.parseDouble(l.substring("Requests/sec:".length()).strip()))
                .findFirst().orElseThrow(() -> new IOException("no Requests/sec in:\n" + out));
        Matcher requests = REQUESTS.matcher(out);
        long answered = requests.find() ? Long.parseLong(requests.group(1)) : 0;
        Matcher p99 = P99.matcher(out);
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher socket = SOCKET.matcher(out);
        boolean errors = socket.find();
        return new Result(command, out, answered, rps, answered > 0 && p99.find() ? millis(p99.group(1), p99.group(2)) : Double.NaN,
                non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
                errors ? Long.parseLong(socket.group(1)) + Long.parseLong(socket.group(2))
                        + Long.parseLong(socket.group(3)) : 0,
                errors ? Long.parseLong(socket.group(4)) : 0);
    }

    private static double millis(String value, String unit) {
        double v = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> v / 1000;
            case "ms" -> v;
            case "s" -> v * 1000;
            default -> v * 60_000;
        };
    }

    /** The durations we pass wrk: seconds ("10s") or minutes ("1m"). */
    private static long seconds(String duration) {
        if (duration.endsWith("m")) {
            return Long.parseLong(duration.substring(0, duration.length() - 1)) * 60;
        }
        return Long.parseLong(duration.replace("s", ""));
    }
}
