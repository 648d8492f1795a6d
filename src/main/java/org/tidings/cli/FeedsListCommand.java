package org.tidings.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings feeds list}: every feed with its health. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the feeds with their health.")
final class FeedsListCommand implements Callable<Integer> {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @ParentCommand
    FeedsCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = BulkOutput.buffered(spec);
        try (Tidings t = parent.root.open()) {
            List<Feed> feeds = t.feeds().list();
            Map<Long, Long> counts = t.articles().countsByFeed();
            if (format == OutputFormat.json) {
                json(out, feeds, counts);
            } else {
                table(out, feeds, counts);
            }
            out.flush();
            return 0;
        }
    }

    private static void json(PrintWriter out, List<Feed> feeds, Map<Long, Long> counts) throws IOException {
        JsonGenerator g = BulkOutput.json(out);
        g.writeStartArray();
        for (Feed f : feeds) {
            g.writeStartObject();
            g.writeNumberField("id", f.id());
            g.writeStringField("url", f.url().toString());
            g.writeStringField("title", f.title());
            g.writeStringField("site_url", f.siteUrl() == null ? null : f.siteUrl().toString());
            g.writeStringField("category", f.category());
            g.writeStringField("status", f.status().code());
            g.writeStringField("last_fetched_at", iso(f.lastFetchedAt()));
            g.writeStringField("last_error", f.lastError());
            g.writeNumberField("error_count", f.errorCount());
            g.writeStringField("next_fetch_at", iso(f.nextFetchAt()));
            g.writeNumberField("article_count", counts.getOrDefault(f.id(), 0L));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.flush();
        out.println();
    }

    private static void table(PrintWriter out, List<Feed> feeds, Map<Long, Long> counts) {
        if (feeds.isEmpty()) {
            out.println("No feeds yet. Add one with: tidings feeds add URL");
            return;
        }
        out.printf("%5s  %-7s %8s  %-16s  %-12s %s%n", "ID", "STATUS", "ARTICLES", "LAST FETCH", "CATEGORY", "TITLE / URL");
        for (Feed f : feeds) {
            out.printf("%5d  %-7s %8d  %-16s  %-12s %s%n", f.id(), f.status().code(), counts.getOrDefault(f.id(), 0L),
                    f.lastFetchedAt() == null ? "never" : SHORT.format(f.lastFetchedAt()),
                    f.category() == null ? "-" : f.category(), f.displayTitle());
            out.printf("%52s %s%n", "", f.url());
            if (f.lastError() != null) {
                out.printf("%52s error (%dx): %s%n", "", f.errorCount(), f.lastError());
            }
        }
    }

    private static String iso(Instant t) {
        return t == null ? null : DateTimeFormatter.ISO_INSTANT.format(t);
    }
}
