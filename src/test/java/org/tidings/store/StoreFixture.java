package org.tidings.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.tidings.model.Entry;

/** Entries for store tests, as a parsed feed gives them; the database is {@link org.tidings.TestDatabase}'s. */
final class StoreFixture {
    private StoreFixture() {
    }

    static Entry entry(String guid, String title, String content, Instant published) {
        return new Entry(guid, URI.create("https://example.org/" + guid), title, List.of("Ana Núñez"), published, null,
                "Summary of " + title, content, List.of("politics"));
    }
}
