package org.tidings.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** One run of a command, wall-clock timed, killed when it outlives its time limit. */
final class TimedCommand {
    private TimedCommand() {
    }

    /**
     * @param exit the exit status; empty when the command was killed at its time limit
     * @param wall from start to exit (or to the kill)
     */
    record Outcome(Duration wall, OptionalInt exit) {
        boolean succeeded() {
            return exit.isPresent() && exit.getAsInt() == 0;
        }

        String describe() {
            if (exit.isEmpty()) {
                return "timed out, killed after " + seconds(wall);
            }
            return exit.getAsInt() == 0 ? seconds(wall) : "exit " + exit.getAsInt() + " after " + seconds(wall);
        }
    }

    /** Runs {@code command} with stdout to {@code out} (DISCARD allowed) and stderr appended to {@code err}. */
    static Outcome run(List<String> command, ProcessBuilder.Redirect out, Path err, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out)
                .redirectError(ProcessBuilder.Redirect.appendTo(err.toFile()));
        long start = System.nanoTime();
        Process p = ChildProcesses.start(builder);
        try {
            boolean exited = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            Duration wall = Duration.ofNanos(System.nanoTime() - start);
            return new Outcome(wall, exited ? OptionalInt.of(p.exitValue()) : OptionalInt.empty());
        } finally {
            ChildProcesses.kill(p);
        }
    }

    static String seconds(Duration d) {
        return String.format("%.2f s", d.toNanos() / 1e9);
    }
}
