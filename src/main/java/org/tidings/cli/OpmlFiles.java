package org.tidings.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tidings.Tidings;
import org.tidings.ingest.FeedListImport;
import org.tidings.opml.OpmlDocument;
import org.tidings.opml.OpmlReader;

/** Imports an OPML file for {@code feeds import} and for the first {@code fetch}. */
final class OpmlFiles {
    private OpmlFiles() {
    }

    static FeedListImport.Counts importFile(Tidings t, Path file, PrintWriter out) {
        OpmlDocument doc;
        try (InputStream in = Files.newInputStream(file)) {
            doc = new OpmlReader().read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        }
        doc.problems().forEach(p -> out.println(file.getFileName() + ": " + p));
        return new FeedListImport(t.feeds(), t.clock()).add(doc.feeds());
    }
}
