package org.tidings.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.tidings.fetch.FeedFetcher;
import org.tidings.fetch.FetchResult;
import org.tidings.ingest.FetchSchedule.NextAttempt;
import org.tidings.model.Feed;
import org.tidings.model.HttpValidators;
import org.tidings.model.ParsedFeed;
import org.tidings.parse.FeedParser;
import org.tidings.parse.ParseResult;
import org.tidings.store.ArticleStore;
import org.tidings.store.FeedStore;
import org.tidings.store.FetchFailure;
import org.tidings.store.FetchSuccess;
import org.tidings.store.SaveCounts;

/**
 * Ingests one feed: fetch, then parse and store, then record the outcome on the feed. The two
 * halves are separate so a run can hold a host's politeness slot only while the request is open.
 */
public final class FeedIngester {
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final FeedStore feeds;
    private final ArticleStore articles;
    private final FetchSchedule schedule;
    private final Clock clock;
    private final SuccessBatch unchanged;
    private final IngestTelemetry telemetry;

    public FeedIngester(IngestParts parts) {
        this.fetcher = parts.fetcher();
        this.parser = parts.parser();
        this.feeds = parts.feeds();
        this.articles = parts.articles();
        this.schedule = parts.schedule();
        this.clock = parts.clock();
        this.unchanged = new SuccessBatch(parts.feeds());
        this.telemetry = parts.telemetry();
    }

    public FeedOutcome ingest(Feed feed) {
        FeedOutcome outcome = process(feed, fetch(feed));
        flush();
        return outcome;
    }

    /** Records the not-modified fetches still held in the batch; every run ends with it. */
    public void flush() {
        unchanged.flush();
    }

    TimedFetch fetch(Feed feed) {
        return TimedFetch.of(() -> fetcher.fetch(feed.url(), feed.validators()));
    }

    /** Records what the fetch came to; never throws for a bad feed, only when the database fails. */
    FeedOutcome process(Feed feed, TimedFetch fetch) {
        FeedOutcome outcome = record(feed, fetch.result());
        telemetry.fetched(outcome.kind(), fetch.sinceStart(), outcome.added());
        return outcome;
    }

    private FeedOutcome record(Feed feed, FetchResult result) {
        if (result.movedTo() != null && !result.movedTo().equals(feed.url())) {
            feeds.moveTo(feed.id(), result.movedTo());
        }
        Instant now = clock.instant();
        if (result instanceof FetchResult.Fetched f) {
            return fetched(feed, now, f);
        }
        if (result instanceof FetchResult.Failed f) {
            return failure(feed, now, "Could not fetch feed " + feed.url() + ": " + f.reason(), f);
        }
        if (result instanceof FetchResult.NotModified n) {
            return unchanged(feed, now, null, n.maxAge());
        }
        // Gone, the one variant left.
        feeds.markGone(feed.id(), now);
        return new FeedOutcome(feed, FeedOutcome.Kind.GONE, 0, 0, null);
    }

    private FeedOutcome fetched(Feed feed, Instant now, FetchResult.Fetched f) {
        if (f.validators().bodyHash() != null && f.validators().bodyHash().equals(feed.validators().bodyHash())) {
            return unchanged(feed, now, f.validators(), f.maxAge());
        }
        ParseResult parsed;
        try {
            parsed = parser.parse(f.body(), f.contentType(), f.finalUrl());
        } catch (RuntimeException e) {
            // A parser bug must cost this feed only, never the run.
            parsed = new ParseResult.Invalid("internal parser error: " + e);
        }
        if (parsed instanceof ParseResult.Parsed p) {
            return stored(feed, now, f, p.feed());
        }
        String reason = parsed instanceof ParseResult.Invalid i ? i.reason() : "an HTML page, not a feed";
        return failure(feed, now, "Could not parse feed " + feed.url() + ": " + reason, null);
    }

    private FeedOutcome stored(Feed feed, Instant now, FetchResult.Fetched f, ParsedFeed parsed) {
        // A body without a ttl keeps the stored one (FeedStore), so the schedule uses that one too.
        Integer ttl = parsed.ttlMinutes() != null ? parsed.ttlMinutes() : feed.ttlMinutes();
        SaveCounts counts = articles.saveFetched(feed.id(), parsed.entries(), new FetchSuccess(now, f.validators(),
                parsed.title(), parsed.siteUrl(), parsed.ttlMinutes(), schedule.forFeed(feed).afterSuccess(ttl, f.maxAge())), now);
        return new FeedOutcome(feed, FeedOutcome.Kind.FETCHED, counts.added(), counts.updated(), null);
    }

    /**
     * A 304 or the same body again: the feed's stored ttl still holds.
     *
     * @param validators the new ones, or null to keep the stored ones
     */
    private FeedOutcome unchanged(Feed feed, Instant now, HttpValidators validators, Duration maxAge) {
        unchanged.add(feed.id(), new FetchSuccess(now, validators, null, null, null,
                schedule.forFeed(feed).afterSuccess(feed.ttlMinutes(), maxAge)));
        return new FeedOutcome(feed, FeedOutcome.Kind.NOT_MODIFIED, 0, 0, null);
    }

    private FeedOutcome failure(Feed feed, Instant now, String error, FetchResult.Failed f) {
        int count = feed.errorCount() + 1;
        // The first failure of a run starts it: the give-up period counts from there.
        Instant failingSince = feed.failingSince() != null ? feed.failingSince() : now;
        NextAttempt next = schedule.forFeed(feed).afterFailure(failingSince, count, f == null ? null : f.retryAfter());
        feeds.recordFailure(feed.id(), new FetchFailure(now, error, count, next.at(), next.status()));
        return FeedOutcome.failed(feed, error);
    }
}
