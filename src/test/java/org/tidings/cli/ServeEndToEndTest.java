package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.fetch.LocalHttpServer.respond;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;

/**
 * {@code serve} in a real second JVM, as an admin runs it: it fetches on its own, serves the merged
 * feed and /healthz over HTTP, other commands work beside it on the same data folder, a second
 * serve is refused, digest send has serve send the issue, and SIGTERM ends it with 0.
 */
class ServeEndToEndTest {
    private static final String RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%s</title>"
            + "<link>https://example.org/</link><item><title>Édition du %s</title><guid>%s-1</guid>"
            + "<pubDate>Mon, 23 Nov 2026 10:00:00 GMT</pubDate><description>Résumé</description></item>"
            + "</channel></rss>";

    @TempDir
    Path dir;
    private LocalHttpServer server;
    private Process serve;

    @AfterEach
    void close() {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    private CliRun run(String... args) {
        return CliRun.run(dir, Map.of(), args);
    }

    private String log() throws Exception {
        return Files.readString(dir.resolve("serve.log"));
    }

    private void awaitLog(String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!log().contains(text)) {
            assertTrue(serve.isAlive(), "serve exited early:\n" + log());
            assertTrue(System.nanoTime() < deadline, "no '" + text + "' in the log:\n" + log());
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void serveFetchesByItselfServesTheFeedBesideOtherCommandsAndStopsCleanlyOnSigterm() throws Exception {
        server = LocalHttpServer.start()
                .route("/monde.xml", respond(200, String.format(RSS, "Le Monde", "lundi", "m"),
                        "Content-Type", "application/rss+xml"))
                .route("/spiegel.xml", respond(200, String.format(RSS, "Der Spiegel", "Montag", "s"),
                        "Content-Type", "application/rss+xml"));
        int port = freePort();
        Files.writeString(dir.resolve("tidings.properties"), "templates.dir="
                + Path.of("templates").toAbsolutePath() + "\nhttp.port=" + port + "\n");
        assertEquals(0, run("feeds", "add", server.uri("/monde.xml").toString(), "--no-check").exitCode);

        // The logging of the product, not of the tests: serve's job lines are INFO.
        serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                CliRun.productClassPath(), "org.tidings.Main", "serve").directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.log").toFile()).start();
        awaitLog("serving data folder");
        awaitLog("refresh: 1 feeds: 1 fetched");
        // The web server starts after the schedule, so the first refresh may well be done before it listens.
        awaitLog("web: http://127.0.0.1:" + port + "/");

        HttpResponse<String> feed = get(port, "/feed.atom");
        HttpResponse<String> health = get(port, "/healthz");
        CliRun added = run("feeds", "add", server.uri("/spiegel.xml").toString(), "--category", "Presse");
        CliRun list = run("feeds", "list");
        CliRun subscriber = run("subscribers", "add", "ana@example.org", "--confirmed");
        CliRun status = run("status");
        CliRun second = run("serve");
        CliRun send = run("digest", "send");

        assertEquals(200, feed.statusCode(), feed.body());
        assertTrue(feed.body().contains("Édition du lundi"), feed.body());
        assertEquals(200, health.statusCode(), health.body());
        assertEquals(0, added.exitCode, added.toString());
        assertTrue(list.out.contains("Der Spiegel") && list.out.contains("Le Monde"), list.toString());
        assertEquals(0, subscriber.exitCode, subscriber.toString());
        assertEquals(0, status.exitCode, status.toString());
        assertTrue(status.out.contains("serve: running (pid " + serve.pid() + ")"), status.toString());
        assertTrue(status.out.contains("refresh") && status.out.contains("newsletter")
                && status.out.contains("housekeeping"), status.toString());
        assertTrue(status.out.contains("feeds: 2 in all"), status.toString());
        assertEquals(1, second.exitCode, second.toString());
        assertTrue(second.err.contains("serve is already running on data folder")
                && second.err.contains("pid " + serve.pid()), second.toString());

        // Beside serve, digest send asks serve's newsletter job to send and follows it to the end.
        assertEquals(0, send.exitCode, send.toString());
        assertTrue(send.out.contains("asked it to send the newsletter now"), send.toString());
        assertTrue(send.out.contains("issue #1: 1 sent, 0 failed, 0 skipped, 0 pending") && send.out.contains("done"),
                send.toString());
        awaitLog("newsletter");
        try (var outbox = Files.list(dir.resolve("data").resolve("outbox"))) {
            assertEquals(1, outbox.filter(f -> f.toString().endsWith(".eml")).count(), "one message, sent by serve");
        }

        serve.destroy();
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop:\n" + log());
        assertEquals(0, serve.exitValue(), log());
        assertTrue(log().contains("stopped"), log());
        CliRun after = run("status");
        assertTrue(after.out.contains("serve: not running"), after.toString());
    }
}
