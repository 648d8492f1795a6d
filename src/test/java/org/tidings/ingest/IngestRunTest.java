package org.tidings.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tidings.fetch.LocalHttpServer.redirect;
import static org.tidings.fetch.LocalHttpServer.respond;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.fetch.LocalHttpServer;
import org.tidings.model.Feed;
import org.tidings.model.FeedStatus;

class IngestRunTest {
    @TempDir
    Path dir;
    private LocalHttpServer server;
    private IngestFixture fx;

    @BeforeEach
    void start() {
        server = LocalHttpServer.start();
        fx = new IngestFixture(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
        server.close();
    }

    private List<FeedOutcome> run(Feed... feeds) throws InterruptedException {
        List<FeedOutcome> out = Collections.synchronizedList(new ArrayList<>());
        List<Feed> fresh = new ArrayList<>();
        for (Feed f : feeds) {
            fresh.add(fx.reload(f));
        }
        fx.run().run(fresh, out::add);
        return out;
    }

    @Test
    void storesArticlesThenSendsEtagBackAndSkipsParsingOn304() throws InterruptedException {
        server.route("/feed", exchange -> {
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(304, "").handle(exchange);
            } else {
                respond(200, IngestFixture.rss("Le Monde", "Grève à la Sorbonne", "Über Mieten"), "ETag", "\"v1\"")
                        .handle(exchange);
            }
        });
        Feed feed = fx.add(server.uri("/feed"));

        FeedOutcome first = run(feed).get(0);
        FeedOutcome second = run(feed).get(0);

        assertEquals(FeedOutcome.Kind.FETCHED, first.kind());
        assertEquals(2, first.added());
        assertEquals(FeedOutcome.Kind.NOT_MODIFIED, second.kind());
        assertEquals("\"v1\"", server.lastRequest("/feed").header("If-None-Match"));
        assertEquals(2, fx.parts.articles().count());
        assertEquals("Le Monde", fx.reload(feed).title());
    }

    @Test
    void identicalBodyWithoutValidatorsIsNotParsedAgain() throws InterruptedException {
        server.route("/feed", respond(200, IngestFixture.rss("Same", "One")));
        Feed feed = fx.add(server.uri("/feed"));

        run(feed);
        FeedOutcome again = run(feed).get(0);

        assertEquals(FeedOutcome.Kind.NOT_MODIFIED, again.kind());
    }

    @Test
    void oneBrokenFeedIsRecordedAndTheOthersAreStored() throws InterruptedException {
        server.route("/good", respond(200, IngestFixture.rss("Good", "A", "B")));
        server.route("/broken", respond(500, "oops"));
        server.route("/garbage", respond(200, "<rss><channel><item>unclosed"));
        Feed good = fx.add(server.uri("/good"));
        Feed broken = fx.add(server.uri("/broken"));
        Feed garbage = fx.add(server.uri("/garbage"));

        List<FeedOutcome> outcomes = run(good, broken, garbage);

        assertEquals(3, outcomes.size());
        assertEquals(2, fx.parts.articles().count());
        Feed b = fx.reload(broken);
        assertEquals(1, b.errorCount());
        assertTrue(b.lastError().startsWith("Could not fetch feed " + broken.url() + ": HTTP 500"), b.lastError());
        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(2)), b.nextFetchAt());
        Feed g = fx.reload(garbage);
        assertTrue(g.lastError().startsWith("Could not parse feed"), g.lastError());
        assertEquals(0, fx.parts.articles().countsByFeed().getOrDefault(garbage.id(), 0L));
    }

    @Test
    void consecutiveFailuresBackOffAndASuccessClearsTheError() throws InterruptedException {
        server.route("/flaky", respond(503, "busy"));
        Feed feed = fx.add(server.uri("/flaky"));
        run(feed);
        run(feed);
        assertEquals(2, fx.reload(feed).errorCount());
        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(4)), fx.reload(feed).nextFetchAt());

        server.route("/flaky", respond(200, IngestFixture.rss("Back", "A")));
        run(feed);

        Feed f = fx.reload(feed);
        assertEquals(0, f.errorCount());
        assertNull(f.lastError());
        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(1)), f.nextFetchAt());
    }

    @Test
    void retryAfterOn429SetsTheNextAttempt() throws InterruptedException {
        server.route("/limited", respond(429, "slow down", "Retry-After", "10800"));
        Feed feed = fx.add(server.uri("/limited"));

        run(feed);

        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(3)), fx.reload(feed).nextFetchAt());
    }

    @Test
    void maxAgeOfTheResponseLengthensTheWait() throws InterruptedException {
        server.route("/cached", respond(200, IngestFixture.rss("Cached", "A"),
                "Cache-Control", "public, max-age=7200"));
        Feed feed = fx.add(server.uri("/cached"));

        run(feed);

        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(2)), fx.reload(feed).nextFetchAt());
    }

    @Test
    void maxAgeOfA304LengthensTheWait() throws InterruptedException {
        server.route("/feed", respond(200, IngestFixture.rss("Tagged", "A"), "ETag", "\"v1\""));
        Feed feed = fx.add(server.uri("/feed"));
        run(feed);
        server.route("/feed", respond(304, "", "Cache-Control", "max-age=10800"));

        FeedOutcome second = run(feed).get(0);

        assertEquals(FeedOutcome.Kind.NOT_MODIFIED, second.kind());
        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(3)), fx.reload(feed).nextFetchAt());
    }

    @Test
    void theFeedsTtlLengthensTheWaitAndStillHoldsOnA304() throws InterruptedException {
        String withTtl = IngestFixture.rss("Slow news", "A").replace("<channel>", "<channel><ttl>180</ttl>");
        server.route("/feed", respond(200, withTtl, "ETag", "\"v1\""));
        Feed feed = fx.add(server.uri("/feed"));
        run(feed);
        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(3)), fx.reload(feed).nextFetchAt());
        server.route("/feed", respond(304, ""));
        fx.clock.advance(Duration.ofHours(3));

        run(feed);

        assertEquals(180, fx.reload(feed).ttlMinutes());
        assertEquals(IngestFixture.NOW.plus(Duration.ofHours(6)), fx.reload(feed).nextFetchAt());
    }

    @Test
    void aFeedFailingPastTheGiveUpPeriodIsCheckedDailyUntilItWorksAgain() throws InterruptedException {
        server.route("/down", respond(500, "down"));
        Feed feed = fx.add(server.uri("/down"));
        run(feed);
        assertEquals(FeedStatus.ACTIVE, fx.reload(feed).status());
        fx.clock.advance(Duration.ofDays(7));

        run(feed);

        Feed failing = fx.reload(feed);
        assertEquals(FeedStatus.FAILING, failing.status());
        assertEquals(fx.clock.instant().plus(Duration.ofDays(1)), failing.nextFetchAt());
        assertTrue(fx.parts.feeds().due(fx.clock.instant()).isEmpty());
        fx.clock.advance(Duration.ofDays(1));
        assertEquals(List.of(feed.id()), fx.parts.feeds().due(fx.clock.instant()).stream().map(Feed::id).toList());

        server.route("/down", respond(200, IngestFixture.rss("Back", "A")));
        run(feed);

        Feed back = fx.reload(feed);
        assertEquals(FeedStatus.ACTIVE, back.status());
        assertEquals(0, back.errorCount());
        assertEquals(fx.clock.instant().plus(Duration.ofHours(1)), back.nextFetchAt());
    }

    @Test
    void theGiveUpPeriodCountsFromTheFirstFailureOfTheRunNotFromTheLastSuccess() throws InterruptedException {
        server.route("/feed", respond(200, IngestFixture.rss("Once", "A")));
        Feed feed = fx.add(server.uri("/feed"));
        run(feed);
        server.route("/feed", respond(503, "busy"));
        // Ten days without a fetch (the feed paused, or Tidings down): the first failure after that
        // starts a run of failures; it does not give the feed up.
        fx.clock.advance(Duration.ofDays(10));

        run(feed);
        Feed first = fx.reload(feed);
        fx.clock.advance(Duration.ofDays(6));
        run(feed);
        FeedStatus sixDaysIn = fx.reload(feed).status();
        fx.clock.advance(Duration.ofDays(1));
        run(feed);

        assertEquals(FeedStatus.ACTIVE, first.status());
        assertEquals(fx.clock.instant().minus(Duration.ofDays(7)), first.failingSince());
        assertEquals(FeedStatus.ACTIVE, sixDaysIn);
        assertEquals(FeedStatus.FAILING, fx.reload(feed).status());
    }

    @Test
    void aSuccessEndsTheRunOfFailures() throws InterruptedException {
        server.route("/feed", respond(503, "busy"));
        Feed feed = fx.add(server.uri("/feed"));
        run(feed);
        fx.clock.advance(Duration.ofDays(5));
        server.route("/feed", respond(200, IngestFixture.rss("Back", "A")));
        run(feed);
        server.route("/feed", respond(503, "busy"));
        fx.clock.advance(Duration.ofDays(3));

        run(feed);

        Feed again = fx.reload(feed);
        assertEquals(FeedStatus.ACTIVE, again.status());
        assertEquals(fx.clock.instant(), again.failingSince());
    }

    @Test
    void goneFeedIsMarkedAndNoLongerPolled() throws InterruptedException {
        server.route("/gone", respond(410, "bye"));
        Feed feed = fx.add(server.uri("/gone"));

        assertEquals(FeedOutcome.Kind.GONE, run(feed).get(0).kind());

        assertEquals(FeedStatus.GONE, fx.reload(feed).status());
        assertTrue(fx.parts.feeds().due(IngestFixture.NOW.plus(Duration.ofDays(30))).isEmpty());
    }

    @Test
    void permanentRedirectMovesTheFeedAndTemporaryDoesNot() throws InterruptedException {
        server.route("/old", redirect(301, "/new"));
        server.route("/new", respond(200, IngestFixture.rss("Moved", "A")));
        server.route("/temp", redirect(302, "/new2"));
        server.route("/new2", respond(200, IngestFixture.rss("Temp", "A")));
        Feed moved = fx.add(server.uri("/old"));
        Feed temp = fx.add(server.uri("/temp"));

        run(moved, temp);

        assertEquals(server.uri("/new"), fx.reload(moved).url());
        assertEquals(server.uri("/temp"), fx.reload(temp).url());
    }

    @Test
    void aSlowHostDoesNotDelayFeedsOfOtherHosts() throws InterruptedException {
        server.route("/slow", exchange -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(200, IngestFixture.rss("Slow", "A")).handle(exchange);
        });
        List<Feed> feeds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            feeds.add(fx.add(URI.create("http://localhost:" + server.port() + "/slow?" + i)));
        }
        for (int i = 0; i < 6; i++) {
            server.route("/fast" + i, respond(200, IngestFixture.rss("Fast" + i, "A")));
            feeds.add(fx.add(server.uri("/fast" + i)));
        }

        List<FeedOutcome> order = run(feeds.toArray(new Feed[0]));

        // Two slots for the slow host, but the fast host's six feeds all finish before any slow one.
        List<String> firstSix = order.subList(0, 6).stream().map(o -> o.feed().url().getPath()).toList();
        assertTrue(firstSix.stream().allMatch(p -> p.startsWith("/fast")), firstSix.toString());
        assertNotNull(fx.reload(feeds.get(0)).lastFetchedAt());
    }
}
