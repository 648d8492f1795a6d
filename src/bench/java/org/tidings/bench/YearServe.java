package org.tidings.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The serve process the page measures share, started again when a measure has left it unable to
 * answer, so that one page's collapse does not decide the figures of the pages after it.
 */
final class YearServe implements AutoCloseable {
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private final TidingsJar jar;
    private final int port;
    private final Path logs;
    private final Duration startLimit;
    private final List<ServeProcess> all = new ArrayList<>();
    private ServeProcess current;

    YearServe(TidingsJar jar, int port, Path logs, Duration startLimit) {
        this.jar = jar;
        this.port = port;
        this.logs = logs;
        this.startLimit = startLimit;
    }

    /** Starts the first serve; returns how long it took to answer /healthz. */
    Duration start() throws Exception {
        long begin = System.nanoTime();
        startNew();
        return Duration.ofNanos(System.nanoTime() - begin);
    }

    ServeProcess current() {
        return current;
    }

    /**
     * Makes sure serve answers /healthz 200, waiting up to 30 s for it, else starts a fresh one (or
     * always, with {@code -Dbench.fresh-serve=true}); returns a note for the report's next row, ""
     * when nothing had to be done.
     */
    String ensureHealthy() throws Exception {
        if (Boolean.getBoolean("bench.fresh-serve")) {
            restart();
            return " (fresh serve)";
        }
        if (current != null && current.healthyWithin(RECOVERY)) {
            return "";
        }
        String why = current == null || current.alive() ? "/healthz did not answer 200 within 30 s"
                : "serve had exited";
        restart();
        return " (serve restarted first: " + why + ")";
    }

    private void restart() throws Exception {
        if (current != null) {
            current.close();
        }
        startNew();
    }

    private void startNew() throws Exception {
        current = ServeProcess.start(jar, port, logs, "serve-" + (all.size() + 1), startLimit);
        all.add(current);
    }

    int started() {
        return all.size();
    }

    Path logs() {
        return logs;
    }

    /** {after GC, before GC} maxima over every serve process so far. */
    long[] heapPeaks() throws IOException {
        long[] max = {0, 0};
        for (ServeProcess s : all) {
            long[] p = s.heapPeaks();
            max[0] = Math.max(max[0], p[0]);
            max[1] = Math.max(max[1], p[1]);
        }
        return max;
    }

    boolean loggedOutOfMemory() throws IOException {
        for (ServeProcess s : all) {
            if (s.loggedOutOfMemory()) {
                return true;
            }
        }
        return false;
    }

    /** Trouble lines of every serve log, for the end of the run. */
    List<String> troubles(int maxPerProcess) throws IOException {
        List<String> lines = new ArrayList<>();
        for (ServeProcess s : all) {
            s.troubles(maxPerProcess).forEach(l -> lines.add(s.log().getFileName() + ": " + l));
        }
        return lines;
    }

    @Override
    public void close() throws InterruptedException {
        if (current != null) {
            current.close();
        }
    }
}
