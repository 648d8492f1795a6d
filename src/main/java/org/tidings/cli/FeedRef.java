package org.tidings.cli;

import java.net.URI;
import java.util.Optional;
import org.tidings.ingest.Urls;
import org.tidings.model.Feed;
import org.tidings.store.FeedStore;

/** A feed named on the command line by its id or its URL. */
final class FeedRef {
    private FeedRef() {
    }

    static Feed resolve(FeedStore store, String ref) {
        Optional<Feed> feed;
        if (ref.chars().allMatch(Character::isDigit) && !ref.isEmpty()) {
            feed = store.find(Long.parseLong(ref));
        } else {
            feed = store.findByUrl(Urls.parse(ref));
        }
        return feed.orElseThrow(() -> new IllegalArgumentException("no feed with id or URL " + ref));
    }
}
