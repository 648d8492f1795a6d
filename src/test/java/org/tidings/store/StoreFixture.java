package org.tidings.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.tidings.config.DatabaseUrl;
import org.tidings.model.Entry;

/** A real H2 file database with the real migrations, in a test's temporary folder. */
final class StoreFixture {
    private StoreFixture() {
    }

    static Database open(Path dir) {
        return Database.open(DatabaseUrl.h2File(dir), dir, 4);
    }

    static Entry entry(String guid, String title, String content, Instant published) {
        return new Entry(guid, URI.create("https://example.org/" + guid), title, List.of("Ana Núñez"), published, null,
                "Summary of " + title, content, List.of("politics"));
    }
}
