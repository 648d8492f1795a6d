package org.tidings.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tidings.Tidings;
import org.tidings.ingest.FeedListImport;

/** The starter list {@code config/feeds.opml}, imported by the first {@code fetch} into an empty database. */
final class DefaultFeedList {
    private final Tidings tidings;
    private final PrintWriter out;

    DefaultFeedList(Tidings tidings, PrintWriter out) {
        this.tidings = tidings;
        this.out = out;
    }

    /** A fresh install starts from the starter list: the first fetch, or the first serve. */
    void importIfEmpty() {
        if (tidings.feeds().count() > 0) {
            return;
        }
        Path file = tidings.config().defaultFeedList();
        if (!Files.isRegularFile(file)) {
            out.println("No feeds yet, and no " + file + " to start from. Add one with: tidings feeds add URL");
            return;
        }
        FeedListImport.Counts c = OpmlFiles.importFile(tidings, file, out);
        out.println("No feeds yet: imported " + c.added() + " feeds from " + file);
    }
}
