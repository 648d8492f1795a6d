package org.tidings.ingest;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.tidings.fetch.FeedFetcher;
import org.tidings.fetch.FetchResult;
import org.tidings.model.Feed;
import org.tidings.model.HttpValidators;
import org.tidings.parse.FeedParser;
import org.tidings.parse.ParseResult;
import org.tidings.store.FeedStore;
import org.tidings.store.NewFeed;

/**
 * Subscribes to a URL after checking it is a feed; an HTML page that links to a feed subscribes
 * to that feed instead. The checking fetch is not wasted: its articles are stored at once.
 */
public final class FeedAdder {
    private final FeedFetcher fetcher;
    private final FeedParser parser;
    private final FeedStore feeds;
    private final FeedIngester ingester;
    private final Clock clock;

    public FeedAdder(IngestParts parts) {
        this.fetcher = parts.fetcher();
        this.parser = parts.parser();
        this.feeds = parts.feeds();
        this.ingester = new FeedIngester(parts);
        this.clock = parts.clock();
    }

    public AddOutcome add(AddRequest req) {
        if (!req.check()) {
            return insert(new NewFeed(req.url(), req.title(), null, req.category()), null, null);
        }
        return check(req, req.url(), null);
    }

    private AddOutcome check(AddRequest req, URI url, URI page) {
        Optional<Feed> known = feeds.findByUrl(url);
        if (known.isPresent()) {
            return new AddOutcome.AlreadyPresent(known.get());
        }
        TimedFetch attempt = TimedFetch.of(() -> fetcher.fetch(url, HttpValidators.NONE));
        FetchResult result = attempt.result();
        if (result instanceof FetchResult.Failed f) {
            return new AddOutcome.Refused("Could not fetch " + url + ": " + f.reason());
        }
        if (!(result instanceof FetchResult.Fetched fetched)) {
            return new AddOutcome.Refused("Could not fetch " + url + ": the server says it is gone (HTTP 410)");
        }
        ParseResult parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUrl());
        if (parsed instanceof ParseResult.Invalid i) {
            return new AddOutcome.Refused("Could not parse feed " + url + ": " + i.reason());
        }
        if (parsed instanceof ParseResult.NotAFeed n) {
            if (page != null || n.alternates().isEmpty()) {
                return new AddOutcome.Refused(url + " is an HTML page, not a feed, and it links to no feed");
            }
            return check(req, n.alternates().get(0), url);
        }
        URI stored = fetched.movedTo() != null ? fetched.movedTo() : url;
        return insert(new NewFeed(stored, req.title(), null, req.category()), page, attempt);
    }

    /** @param fetched the checking fetch, a {@link FetchResult.Fetched}; null without a check */
    private AddOutcome insert(NewFeed f, URI page, TimedFetch fetched) {
        Optional<Feed> added = feeds.addIfAbsent(f, clock.instant());
        if (added.isEmpty()) {
            return new AddOutcome.AlreadyPresent(feeds.findByUrl(f.url()).orElseThrow());
        }
        int articles = 0;
        if (fetched != null) {
            // The checking fetch already holds the body: store it without a second request.
            articles = ingester.process(added.get(), fetched).added();
            ingester.flush();
        }
        Feed feed = feeds.find(added.get().id()).orElseThrow();
        return new AddOutcome.Added(feed, page, articles);
    }
}
