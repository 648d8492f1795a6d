package org.tidings.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.tidings.Tidings;
import org.tidings.ingest.FeedOutcome;
import org.tidings.ingest.RunSummary;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings fetch}: fetches every polled feed now, whether due or not. Failing feeds are included:
 * an admin asking for a fetch wants them tried. Exits 0 when the run completed, even if feeds failed
 * (they are recorded); non-zero only when Tidings itself failed.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetch every active or failing feed now (or one), printing one line per feed.")
final class FetchCommand implements Callable<Integer> {
    @ParentCommand
    TidingsCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--feed", paramLabel = "ID|URL", description = "Fetch only this feed.")
    String feedRef;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (Tidings t = root.open()) {
            if (feedRef == null) {
                new DefaultFeedList(t, out).importIfEmpty();
            }
            List<Feed> feeds = feedRef == null ? t.feeds().polled() : List.of(FeedRef.resolve(t.feeds(), feedRef));
            Progress progress = new Progress(feeds.size());
            RunSummary summary = t.ingestRun().run(feeds, o -> {
                progress.clear();
                out.println(line(o));
                out.flush();
                progress.advance();
            });
            progress.clear();
            out.println(summary.describe());
            return 0;
        }
    }

    private static String line(FeedOutcome o) {
        String tag = switch (o.kind()) {
            case FETCHED -> o.added() > 0 ? "new" : o.updated() > 0 ? "updated" : "ok";
            case NOT_MODIFIED -> "same";
            case GONE -> "gone";
            case FAILED -> "error";
        };
        return String.format("%-7s %s", tag, o.describe());
    }

    /** A progress counter on stderr, only when a person is watching a terminal. */
    private static final class Progress {
        private final int total;
        private final AtomicInteger done = new AtomicInteger();
        private final boolean terminal = System.console() != null;

        Progress(int total) {
            this.total = total;
        }

        void advance() {
            if (terminal) {
                System.err.print("\r[" + done.incrementAndGet() + "/" + total + "] fetching...");
                System.err.flush();
            }
        }

        void clear() {
            if (terminal) {
                System.err.print("\r\033[K");
                System.err.flush();
            }
        }
    }
}
