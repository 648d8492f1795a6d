package org.tidings.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -Xmx256m -jar tidings.jar --config FILE serve} as a process of its own, its output in
 * a log file and its collections in a GC log, from which the heap peak is read: the largest heap
 * left after a collection (the live set that must fit in -Xmx) and the largest before one.
 */
final class ServeProcess implements AutoCloseable {
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\(\\d+[KMG]\\)");

    private final Process process;
    private final String base;
    private final Path log;
    private final Path gcLog;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServeProcess(Process process, String base, Path log, Path gcLog) {
        this.process = process;
        this.base = base;
        this.log = log;
        this.gcLog = gcLog;
    }

    /** Starts serve and waits until it answers /healthz (any status), for at most {@code limit}. */
    static ServeProcess start(TidingsJar jar, int port, Path logs, String name, Duration limit) throws Exception {
        Path log = logs.resolve(name + ".log");
        Path gcLog = logs.resolve(name + "-gc.log");
        Files.deleteIfExists(log);
        Process p = ChildProcesses.start(new ProcessBuilder(jar.command(List.of("-Xlog:gc:file=" + gcLog),
                List.of("serve"))).redirectErrorStream(true).redirectOutput(log.toFile()));
        ServeProcess serve = new ServeProcess(p, "http://127.0.0.1:" + port, log, gcLog);
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IOException("serve exited with " + p.exitValue() + " at start; see " + log);
            }
            if (serve.healthStatus(Duration.ofSeconds(2)) > 0) {
                return serve;
            }
            Thread.sleep(250);
        }
        serve.close();
        throw new IOException("serve did not answer /healthz within " + limit.toSeconds() + " s; see " + log);
    }

    String base() {
        return base;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** The status of GET /healthz, or 0 when it did not answer within {@code limit}. */
    int healthStatus(Duration limit) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).timeout(limit).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Waits up to {@code limit} for /healthz to answer 200: after a load, for the queue to drain. */
    boolean healthyWithin(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        do {
            if (!alive()) {
                return false;
            }
            if (healthStatus(Duration.ofSeconds(5)) == 200) {
                return true;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** {after GC, before GC} maxima in bytes, from the GC log so far. */
    long[] heapPeaks() throws IOException {
        long after = 0;
        long before = 0;
        if (Files.exists(gcLog)) {
            Matcher m = GC.matcher(Files.readString(gcLog, StandardCharsets.UTF_8));
            while (m.find()) {
                before = Math.max(before, bytes(m.group(1), m.group(2)));
                after = Math.max(after, bytes(m.group(3), m.group(4)));
            }
        }
        return new long[] {after, before};
    }

    /** Lines of the log that tell of trouble: OutOfMemoryError, ERROR, exceptions; at most {@code max}. */
    List<String> troubles(int max) throws IOException {
        List<String> found = new ArrayList<>();
        if (Files.exists(log)) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (found.size() < max && (line.contains("OutOfMemoryError") || line.contains(" ERROR ")
                        || line.contains("Exception"))) {
                    found.add(line);
                }
            }
        }
        return found;
    }

    boolean loggedOutOfMemory() throws IOException {
        return Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains("OutOfMemoryError");
    }

    private static long bytes(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "K" -> v << 10;
            case "M" -> v << 20;
            default -> v << 30;
        };
    }

    /** SIGTERM, as an operator stops it; killed if it has not stopped within 40 s (serve.stop-timeout is 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            ChildProcesses.kill(process);
        }
    }
}
