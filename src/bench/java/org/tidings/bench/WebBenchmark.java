package org.tidings.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tidings.Tidings;
import org.tidings.WebWiring;
import org.tidings.config.TidingsConfig;
import org.tidings.model.Entry;
import org.tidings.store.ArticleStore;
import org.tidings.store.FeedStore;
import org.tidings.store.NewFeed;
import org.tidings.web.cache.Caching;
import org.tidings.web.WebServer;

/**
 * The web benchmark of the README: {@code /feed.atom} over loopback with 50,000 stored articles,
 * under load from {@code wrk} in a second process ({@code apt-get install wrk}), once for full
 * responses and once for 304s. Issue targets: 5,000 and 20,000 requests/s on a 2-core machine.
 *
 * <p>Settings: {@code -Dbench.articles=50000}, {@code -Dbench.duration=10s}.
 */
public final class WebBenchmark {
    private static final double FULL_TARGET = 5_000;
    private static final double NOT_MODIFIED_TARGET = 20_000;
    private static final int FEEDS = 50;
    private static final int CHUNK = 500;

    private WebBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.getInteger("bench.articles", 50_000);
        String duration = System.getProperty("bench.duration", "10s");
        Optional<Wrk> wrk = Wrk.find();
        if (wrk.isEmpty()) {
            System.out.println("web benchmark skipped: wrk is not installed (apt-get install wrk)");
            return;
        }
        Path data = Path.of("target", "bench", "web-data");
        BenchFiles.deleteTree(data);
        try (Tidings t = Tidings.open(TidingsConfig.forDataDir(data), Clock.systemUTC())) {
            ArticleStore store = t.articles();
            long started = System.nanoTime();
            fill(t.feeds(), store, articles);
            System.out.printf("stored %,d articles over %d feeds in %.1f s, %d cores%n", store.count(), FEEDS,
                    (System.nanoTime() - started) / 1e9, Runtime.getRuntime().availableProcessors());
            WebServer server = new WebServer(WebWiring.parts(t, Caching.standard(Clock.systemUTC()), () -> true, () -> { }));
            server.start("127.0.0.1", 0);
            try {
                measure(wrk.get(), "http://127.0.0.1:" + server.port() + "/feed.atom", duration);
            } finally {
                server.stop();
            }
        }
    }

    private static void measure(Wrk wrk, String url, String duration) throws Exception {
        HttpResponse<byte[]> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        System.out.printf("GET /feed.atom: %d, %,d bytes, ETag %s%n", first.statusCode(), first.body().length, etag);
        // The JIT's warm-up is not what the issue asks about.
        wrk(wrk, url, "3s", List.of());
        wrk(wrk, url, "3s", List.of("-H", "If-None-Match: " + etag));
        double full = wrk(wrk, url, duration, List.of());
        double notModified = wrk(wrk, url, duration, List.of("-H", "If-None-Match: " + etag));
        System.out.printf("full responses (200): %,.0f requests/s = %.2fx the target of %,.0f%n", full,
                full / FULL_TARGET, FULL_TARGET);
        System.out.printf("not modified (304): %,.0f requests/s = %.2fx the target of %,.0f%n", notModified,
                notModified / NOT_MODIFIED_TARGET, NOT_MODIFIED_TARGET);
    }

    /** Runs {@code wrk -t2 -c32} and returns its Requests/sec; non-2xx/3xx answers fail the benchmark. */
    private static double wrk(Wrk wrk, String url, String duration, List<String> extra) throws Exception {
        Wrk.Result r = wrk.run(url, 32, duration, extra);
        if (r.non2xx() > 0) {
            throw new IllegalStateException(r.command() + " failed:\n" + r.output());
        }
        System.out.println("$ " + r.command());
        System.out.print(r.output());
        return r.requestsPerSecond();
    }

    /** Articles of about 2 KB of content each, stored a chunk per transaction through the real store. */
    private static void fill(FeedStore feeds, ArticleStore store, int articles) {
        Instant now = Instant.now();
        String paragraph = "<p>" + "Lorem ipsum dolor sit amet, grève générale, Generalstreik. ".repeat(35) + "</p>";
        int perFeed = (articles + FEEDS - 1) / FEEDS;
        for (int f = 0; f < FEEDS; f++) {
            URI url = URI.create("https://blog" + f + ".example/feed");
            long feedId = feeds.addIfAbsent(new NewFeed(url, "Blog " + f, URI.create("https://blog" + f + ".example/"),
                    "Category " + (f % 5)), now).orElseThrow().id();
            for (int from = 0; from < perFeed && f * perFeed + from < articles; from += CHUNK) {
                List<Entry> chunk = new ArrayList<>(CHUNK);
                for (int i = from; i < Math.min(perFeed, from + CHUNK) && f * perFeed + i < articles; i++) {
                    chunk.add(new Entry("blog" + f + "-" + i, URI.create("https://blog" + f + ".example/" + i),
                            "Article " + i + " of blog " + f, List.of("Ana Núñez"),
                            now.minus(Duration.ofMinutes((long) i * FEEDS + f)), null, "Summary " + i, paragraph,
                            List.of("news")));
                }
                store.save(feedId, chunk, now);
            }
        }
    }
}
