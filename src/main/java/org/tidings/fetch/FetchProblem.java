package org.tidings.fetch;

import java.io.IOException;

/**
 * An expected failure whose message is already the one-line reason for {@link FetchResult.Failed}:
 * a timeout, an oversized body, an encoding we cannot undo. It exists only to unwind blocked reads
 * through decompressing streams; {@link FeedFetcher} turns it back into a value and never lets it out.
 */
final class FetchProblem extends IOException {
    private static final long serialVersionUID = 1L;

    FetchProblem(String reason) {
        super(reason);
    }

    static FetchProblem tooLarge(long maxBytes) {
        return new FetchProblem("response larger than " + maxBytes + " bytes");
    }
}
