package org.tidings.ingest;

import java.time.Clock;
import org.tidings.fetch.FeedFetcher;
import org.tidings.parse.FeedParser;
import org.tidings.store.ArticleStore;
import org.tidings.store.FeedStore;

/** The stages and settings the ingest orchestrators are wired from. */
public record IngestParts(FeedFetcher fetcher, FeedParser parser, FeedStore feeds, ArticleStore articles,
        FetchSchedule schedule, Clock clock, IngestTelemetry telemetry) {
}
