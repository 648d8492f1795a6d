package org.tidings.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.tidings.bench.YearReport.Verdict;

/**
 * serve's pages against the year of data: the public ones under {@code wrk -t2 -c64 --latency},
 * the admin ones as single GETs. serve is one process; when a measure leaves it unable to answer
 * /healthz within 30 s, it is restarted before the next one, and the report says so.
 */
final class YearPages {
    static final String PASSWORD = "year-bench-password";
    private static final List<String> PUBLIC = List.of("/", "/feed.atom", "/feed.json", "/feed.rss", "/archive",
            "/archive.atom");
    private static final List<String> ADMIN = List.of("/admin", "/admin/feeds", "/admin/feeds/{id}",
            "/admin/subscribers", "/admin/subscribers?q=example", "/admin/newsletter", "/admin/newsletter/preview",
            "/healthz", "/metrics");
    private static final int CONNECTIONS = 64;

    private final YearServe serve;
    private final Wrk wrk;
    private final YearReport report;
    private final String duration;
    private final Duration limit;

    YearPages(YearServe serve, Wrk wrk, YearReport report, String duration, Duration limit) {
        this.serve = serve;
        this.wrk = wrk;
        this.report = report;
        this.duration = duration;
        this.limit = limit;
    }

    void measure() throws Exception {
        for (String path : PUBLIC) {
            underLoad(path, List.of());
        }
        notModified();
        admin();
    }

    private void underLoad(String path, List<String> headers) throws Exception {
        String label = "`" + path + "`" + (headers.isEmpty() ? "" : " with If-None-Match") + ", wrk -c"
                + CONNECTIONS + " -d" + duration + serve.ensureHealthy();
        String url = serve.current().base() + path;
        try {
            // The JIT's warm-up is not what the issue asks about.
            wrk.run(url, 4, "3s", headers);
            Wrk.Result r = wrk.run(url, CONNECTIONS, duration, withLatency(headers));
            double target = "/".equals(path) ? 1_000 : "/feed.atom".equals(path) && headers.isEmpty() ? 2_000 : 0;
            report.add(label, String.format("%,.0f req/s (%,d answers), p99 %s, non-2xx/3xx %,d, socket errors %,d,"
                    + " timeouts %,d", r.requestsPerSecond(), r.requests(), Double.isNaN(r.p99Millis()) ? "none" : String.format("%,.0f ms",
                    r.p99Millis()), r.non2xx(), r.socketErrors(), r.timeouts()),
                    (target > 0 ? String.format(">= %,.0f req/s, ", target) : "") + "no errors",
                    Verdict.of(r.requestsPerSecond() >= target && r.clean()));
        } catch (IOException e) {
            report.add(label, "wrk failed: " + e.getMessage().lines().findFirst().orElse(""), "no errors",
                    Verdict.NOT_MET);
        }
    }

    private static List<String> withLatency(List<String> headers) {
        return Stream.concat(Stream.of("--latency"), headers.stream()).toList();
    }

    private void notModified() throws Exception {
        serve.ensureHealthy();
        String etag;
        try {
            HttpResponse<Void> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    serve.current().base() + "/feed.atom")).timeout(limit).build(), HttpResponse.BodyHandlers.discarding());
            etag = r.headers().firstValue("ETag").orElse(null);
            if (etag == null) {
                throw new IOException("HTTP " + r.statusCode() + " without an ETag");
            }
        } catch (IOException e) {
            report.add("`/feed.atom` with If-None-Match", "no ETag to send: GET /feed.atom: " + e, "no errors",
                    Verdict.NOT_MET);
            return;
        }
        underLoad("/feed.atom", List.of("-H", "If-None-Match: " + etag));
    }

    private void admin() throws Exception {
        String restart = serve.ensureHealthy();
        AdminPages pages = new AdminPages(serve.current().base(), limit);
        pages.login(PASSWORD);
        String feedId = pages.someFeedId().orElse("1");
        for (String path : ADMIN) {
            String real = path.replace("{id}", feedId);
            AdminPages.Timing t = pages.time(real, 5);
            String figure = "first " + TimedCommand.seconds(t.first()) + (t.problem() != null ? ", then "
                    + t.problem() : ", median of " + t.times().size() + " " + TimedCommand.seconds(t.median()) + String.format(" (%,d bytes)",
                    t.bytes()));
            report.add("`GET " + real + "`" + restart, figure, "<= 0.5 s", Verdict.of(t.problem() == null
                    && t.median().toMillis() <= 500 && t.first().toMillis() <= 500));
            restart = "";
        }
    }

    /** For the report: the serve processes' heap and whether one ran out of memory. */
    static void heap(YearServe serve, YearReport report) throws IOException {
        long[] peaks = serve.heapPeaks();
        boolean oom = serve.loggedOutOfMemory();
        report.add("serve heap peak (-Xmx256m; " + serve.started() + " serve process(es), logs in " + serve.logs() + ")",
                String.format("%s after GC, %s before GC; OutOfMemoryError logged: %s", YearReport.megabytes(peaks[0]),
                        YearReport.megabytes(peaks[1]), oom ? "yes" : "no"), "inside -Xmx256m, no OutOfMemoryError",
                Verdict.of(!oom));
    }
}
