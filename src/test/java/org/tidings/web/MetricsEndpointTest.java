package org.tidings.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestSmtp;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.model.FeedStatus;
import org.tidings.newsletter.IssueSender;
import org.tidings.newsletter.SendReport;
import org.tidings.subscribers.Signup;
import org.tidings.subscribers.SignupRequest;
import org.tidings.store.NewFeed;

/** /metrics after real work: a local feed server's feeds ingested, an issue sent to GreenMail. */
class MetricsEndpointTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Le Monde</title><link>https://lemonde.example/</link>
            <item><title>Un</title><link>https://lemonde.example/1</link><guid>1</guid></item>
            <item><title>Deux</title><link>https://lemonde.example/2</link><guid>2</guid></item>
            <item><title>Trois</title><link>https://lemonde.example/3</link><guid>3</guid></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;
    private final LocalHttpServer feedServer = LocalHttpServer.start()
            .route("/news.xml", LocalHttpServer.respond(200, RSS, "Content-Type", "application/rss+xml"))
            .route("/broken.xml", LocalHttpServer.respond(500, "oops"))
            .route("/gone.xml", LocalHttpServer.respond(410, "gone"));
    private WebFixture web;

    @AfterEach
    void close() {
        if (web != null) {
            web.close();
        }
        feedServer.close();
    }

    private WebFixture start() {
        web = new WebFixture(dir, TestSmtp.settings(greenMail.getSmtp().getPort()));
        return web;
    }

    @Test
    void countsFetchesByOutcomeAndTheArticlesTheyAdded() throws Exception {
        WebFixture f = start();
        for (String path : List.of("/news.xml", "/broken.xml", "/gone.xml")) {
            f.feeds.addIfAbsent(new NewFeed(feedServer.uri(path), null, null, null), f.clock.instant());
        }
        f.tidings.ingestRun().run(f.feeds.list(), o -> { });
        // The same body again: not modified, and nothing new.
        f.tidings.ingestRun().run(List.of(f.feeds.findByUrl(feedServer.uri("/news.xml")).orElseThrow()), o -> { });

        Map<String, Double> m = scrape(f);

        assertEquals(1.0, m.get("tidings_fetches_total{outcome=\"fetched\"}"));
        assertEquals(1.0, m.get("tidings_fetches_total{outcome=\"not_modified\"}"));
        assertEquals(1.0, m.get("tidings_fetches_total{outcome=\"failed\"}"));
        assertEquals(1.0, m.get("tidings_fetches_total{outcome=\"gone\"}"));
        assertEquals(3.0, m.get("tidings_articles_ingested_total"));
        assertEquals(1.0, m.get("tidings_fetch_duration_seconds_count{outcome=\"fetched\"}"));
        assertTrue(m.get("tidings_fetch_duration_seconds_sum{outcome=\"fetched\"}") > 0);
    }

    @Test
    void feedsByStatusAreReadFromTheDatabaseAtEachScrape() throws Exception {
        WebFixture f = start();
        f.feeds.addIfAbsent(new NewFeed(feedServer.uri("/news.xml"), null, null, null), f.clock.instant());
        f.feeds.addIfAbsent(new NewFeed(feedServer.uri("/gone.xml"), null, null, null), f.clock.instant());
        assertEquals(2.0, scrape(f).get("tidings_feeds{status=\"active\"}"));

        f.tidings.ingestRun().run(f.feeds.list(), o -> { });
        f.feeds.setStatus(f.feeds.findByUrl(feedServer.uri("/news.xml")).orElseThrow().id(), FeedStatus.PAUSED);
        Map<String, Double> m = scrape(f);

        assertEquals(0.0, m.get("tidings_feeds{status=\"active\"}"));
        assertEquals(1.0, m.get("tidings_feeds{status=\"paused\"}"));
        assertEquals(1.0, m.get("tidings_feeds{status=\"gone\"}"));
        assertEquals(0.0, m.get("tidings_feeds{status=\"failing\"}"));
    }

    @Test
    void countsMessagesSentAndFailedAndTimesEachSend() throws Exception {
        WebFixture f = start();
        f.feeds.addIfAbsent(new NewFeed(feedServer.uri("/news.xml"), null, null, null), f.clock.instant());
        f.tidings.ingestRun().run(f.feeds.list(), o -> { });
        Signup signup = new Signup(f.tidings.newsletter());
        for (String email : List.of("ana@example.org", "ben@example.org", "broken@example.org")) {
            signup.add(new SignupRequest(email, null, List.of(), true), Signup.Returning.RESUBSCRIBE);
        }
        breakStoredAddress(f, "broken@example.org");
        f.clock.advance(Duration.ofMinutes(1));

        SendReport report = new IssueSender(f.tidings.newsletter()).send();
        Map<String, Double> m = scrape(f);

        assertEquals(2, report.sent());
        assertEquals(2, greenMail.getReceivedMessages().length);
        assertEquals(2.0, m.get("tidings_messages_total{outcome=\"sent\"}"));
        assertEquals(1.0, m.get("tidings_messages_total{outcome=\"failed\"}"));
        assertEquals(2.0, m.get("tidings_send_duration_seconds_count"));
        assertTrue(m.get("tidings_send_duration_seconds_sum") > 0);
    }

    @Test
    void countsMailEventsByKindFromTheDatabase() throws Exception {
        WebFixture f = start();
        Signup signup = new Signup(f.tidings.newsletter());
        org.tidings.model.Subscriber ana = signup.add(new SignupRequest("ana@example.org", null, List.of(), true),
                Signup.Returning.RESUBSCRIBE).subscriber();
        assertEquals(0.0, scrape(f).get("tidings_mail_events_total{kind=\"unsubscribe\"}"));

        // As another process (the inbound pipe command) would: straight to the database.
        f.tidings.mailFeedback().accept(new org.tidings.model.InboundReport(org.tidings.model.InboundKind.UNSUBSCRIBE,
                org.tidings.newsletter.BounceTokens.unsubscribe(ana), null, null, null));
        Map<String, Double> m = scrape(f);

        assertEquals(1.0, m.get("tidings_mail_events_total{kind=\"unsubscribe\"}"));
        assertEquals(0.0, m.get("tidings_mail_events_total{kind=\"hard_bounce\"}"));
        assertEquals(0.0, m.get("tidings_mail_events_total{kind=\"complaint\"}"));
        assertEquals(0.0, m.get("tidings_mail_events_total{kind=\"other\"}"));

        f.tidings.mailFeedback().accept(org.tidings.model.InboundReport.other("an out-of-office reply"));
        assertEquals(1.0, scrape(f).get("tidings_mail_events_total{kind=\"other\"}"), "left alone, but counted");
    }

    @Test
    void servesPrometheusTextWithTheJvmMeters() throws Exception {
        WebFixture f = start();

        HttpResponse<String> r = f.get("/metrics");

        assertEquals(200, r.statusCode());
        assertEquals("text/plain; version=0.0.4; charset=utf-8", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("# TYPE tidings_fetches_total counter"), r.body());
        Map<String, Double> m = parse(r.body());
        for (String jvm : List.of("jvm_memory_used_bytes{area=\"heap\"", "jvm_gc_", "jvm_threads_live_threads",
                "system_cpu_count", "process_uptime_seconds")) {
            assertTrue(m.keySet().stream().anyMatch(k -> k.startsWith(jvm)), jvm + " missing from " + m.keySet());
        }
        assertEquals(0.0, m.get("tidings_messages_total{outcome=\"sent\"}"));
    }

    /** As an old import or a hand edit could have left it: an address the sender must not use. */
    private static void breakStoredAddress(WebFixture f, String email) throws Exception {
        try (Connection c = DriverManager.getConnection(f.tidings.config().dbUrl());
                PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET email = ? WHERE email = ?")) {
            ps.setString(1, "broken@@example..org");
            ps.setString(2, email);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static Map<String, Double> scrape(WebFixture f) throws Exception {
        HttpResponse<String> r = f.get("/metrics");
        assertEquals(200, r.statusCode());
        return parse(r.body());
    }

    /** Sample lines of the text format, {@code name{labels} value}, by name and labels. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }
}
