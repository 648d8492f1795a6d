package org.tidings.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.tidings.TestClock;
import org.tidings.TestDatabase;
import org.tidings.TestSmtp;
import org.tidings.Tidings;
import org.tidings.WebWiring;
import org.tidings.model.Entry;
import org.tidings.store.ArticleStore;
import org.tidings.store.FeedStore;
import org.tidings.store.NewFeed;
import org.tidings.web.cache.Caching;

/**
 * A real web server on a free loopback port over H2 with the real migrations, and the JDK's
 * HttpClient as the feed reader. The cache's clock is the test's: the staleness bound passes when
 * the test says so, without sleeping.
 */
public final class WebFixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final URI PUBLIC_URL = URI.create("https://tidings.example/");

    public final TestClock clock = new TestClock(NOW);
    final AtomicBoolean schedulerRunning = new AtomicBoolean(true);
    /** How often the admin's "send now" fired the newsletter job. */
    public final AtomicInteger issuesSentNow = new AtomicInteger();
    public final Tidings tidings;
    public final FeedStore feeds;
    public final ArticleStore articles;
    public final WebServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    public WebFixture(Path dir) {
        this(dir, Map.of());
    }

    /** @param env more settings, such as {@link TestSmtp#settings} */
    public WebFixture(Path dir, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("TIDINGS_PUBLIC_URL", PUBLIC_URL.toString()));
        all.putAll(env);
        tidings = TestDatabase.tidings(dir, all, clock);
        feeds = tidings.feeds();
        articles = tidings.articles();
        server = new WebServer(WebWiring.parts(tidings, new Caching(Duration.ofSeconds(1), Duration.ofMinutes(1), clock),
                schedulerRunning::get, issuesSentNow::incrementAndGet));
        server.start("127.0.0.1", 0);
    }

    /** Stores one article in the feed (created when new), first seen now. */
    public void article(String feedTitle, String category, String title) {
        URI url = URI.create("https://" + Math.abs(feedTitle.hashCode()) + ".example/feed");
        feeds.addIfAbsent(new NewFeed(url, feedTitle, URI.create("https://site.example/"), category), clock.instant());
        long id = feeds.findByUrl(url).orElseThrow().id();
        articles.save(id, List.of(new Entry(title, URI.create("https://site.example/" + Math.abs(title.hashCode())),
                title, List.of("Ana Núñez"), clock.instant().minusSeconds(60), null, "Résumé", "<p>" + title + "</p>",
                List.of())), clock.instant());
    }

    /** Past the bound within which a new article may not show yet. */
    public void passStalenessBound() {
        clock.advance(Duration.ofSeconds(2));
    }

    /** Waits until the confirmation emails of sign-ups so far have gone out (they go from a background thread). */
    public void awaitMail() throws InterruptedException {
        server.awaitIdle(Duration.ofSeconds(30));
    }

    /** Where a browser finds {@code path} on the running server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** @param form an application/x-www-form-urlencoded body, e.g. {@code "email=a%40b.org"} */
    public HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return post(path, "application/x-www-form-urlencoded", form);
    }

    /** @param headers more request headers, name then value */
    public HttpResponse<String> post(String path, String contentType, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> head(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        server.stop();
        tidings.close();
    }
}
