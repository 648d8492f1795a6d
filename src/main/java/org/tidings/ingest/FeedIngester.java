package org.tidings.ingest;

import java.time.Duration;
import org.tidings.fetch.FeedFetcher;
import org.tidings.fetch.FetchResult;
import org.tidings.ingest.FeedTransitions.Success;
import org.tidings.model.Feed;
import org.tidings.model.ParsedFeed;
import org.tidings.parse.FeedParser;
import org.tidings.parse.ParseResult;
import org.tidings.store.ArticleStore;
import org.tidings.store.FeedState;
import org.tidings.store.FeedStore;
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
    private final FeedTransitions transitions;
    private final SuccessBatch unchanged;
    private final IngestTelemetry telemetry;

    public FeedIngester(IngestParts parts) {
        this.fetcher = parts.fetcher();
        this.parser = parts.parser();
        this.feeds = parts.feeds();
        this.articles = parts.articles();
        this.transitions = new FeedTransitions(parts.schedule(), parts.clock());
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
        if (result instanceof FetchResult.Fetched f) {
            return fetched(feed, f);
        }
        if (result instanceof FetchResult.Failed f) {
            return failure(feed, "Could not fetch feed " + feed.url() + ": " + f.reason(), f.retryAfter());
        }
        if (result instanceof FetchResult.NotModified n) {
            return unchanged(feed, Success.unchanged(null, n.maxAge()));
        }
        // Gone, the one variant left.
        feeds.record(feed.id(), transitions.gone(feed));
        return new FeedOutcome(feed, FeedOutcome.Kind.GONE, 0, 0, null);
    }

    private FeedOutcome fetched(Feed feed, FetchResult.Fetched f) {
        if (f.validators().bodyHash() != null && f.validators().bodyHash().equals(feed.validators().bodyHash())) {
            return unchanged(feed, Success.unchanged(f.validators(), f.maxAge()));
        }
        ParseResult parsed;
        try {
            parsed = parser.parse(f.body(), f.contentType(), f.finalUrl());
        } catch (RuntimeException e) {
            // A parser bug must cost this feed only, never the run.
            parsed = new ParseResult.Invalid("internal parser error: " + e);
        }
        if (parsed instanceof ParseResult.Parsed p) {
            return stored(feed, f, p.feed());
        }
        String reason = parsed instanceof ParseResult.Invalid i ? i.reason() : "an HTML page, not a feed";
        return failure(feed, "Could not parse feed " + feed.url() + ": " + reason, null);
    }

    private FeedOutcome stored(Feed feed, FetchResult.Fetched f, ParsedFeed parsed) {
        FeedState state = transitions.succeeded(feed, new Success(f.validators(), parsed.title(), parsed.siteUrl(),
                parsed.ttlMinutes(), f.maxAge()));
        // The articles are first seen when the fetch that brought them is recorded.
        SaveCounts counts = articles.saveFetched(feed.id(), parsed.entries(), state, state.lastFetchedAt());
        return new FeedOutcome(feed, FeedOutcome.Kind.FETCHED, counts.added(), counts.updated(), null);
    }

    /** A 304 or the same body again: recorded with the batch. */
    private FeedOutcome unchanged(Feed feed, Success success) {
        unchanged.add(feed.id(), transitions.succeeded(feed, success));
        return new FeedOutcome(feed, FeedOutcome.Kind.NOT_MODIFIED, 0, 0, null);
    }

    /** @param retryAfter what the server's Retry-After asked for, or null */
    private FeedOutcome failure(Feed feed, String error, Duration retryAfter) {
        feeds.record(feed.id(), transitions.failed(feed, error, retryAfter));
        return FeedOutcome.failed(feed, error);
    }
}
