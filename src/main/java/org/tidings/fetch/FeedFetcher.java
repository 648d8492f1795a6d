package org.tidings.fetch;

import java.net.URI;
import org.tidings.config.FetchConfig;
import org.tidings.model.HttpValidators;

/**
 * Fetches feed URLs over one shared JDK HttpClient. Thread-safe.
 * (Skeleton: to be implemented.)
 */
public final class FeedFetcher implements AutoCloseable {
    public FeedFetcher(FetchConfig config, java.time.Clock clock) {
    }

    /** Never throws for network or HTTP trouble: every outcome is a {@link FetchResult}. */
    public FetchResult fetch(URI url, HttpValidators validators) {
        throw new UnsupportedOperationException("todo");
    }

    @Override
    public void close() {
    }
}
