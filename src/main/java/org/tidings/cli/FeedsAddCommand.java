package org.tidings.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tidings.ingest.Urls;
import org.tidings.Tidings;
import org.tidings.ingest.AddOutcome;
import org.tidings.ingest.AddRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tidings feeds add URL}. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Subscribe to a feed. The URL is fetched once to check it; an HTML page that links to a"
                + " feed subscribes to that feed.")
final class FeedsAddCommand implements Callable<Integer> {
    @ParentCommand
    FeedsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The feed or web page URL.")
    String url;

    @Option(names = "--title", description = "Title to show instead of the feed's own.")
    String title;

    @Option(names = "--category", description = "Category (for digests and the merged feed).")
    String category;

    @Option(names = "--no-check", description = "Store the URL without fetching it.")
    boolean noCheck;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Tidings t = parent.root.open()) {
            AddOutcome outcome = t.feedAdder().add(new AddRequest(Urls.parse(url), title, category, !noCheck));
            if (outcome instanceof AddOutcome.Added a) {
                if (a.discoveredFrom() != null) {
                    out.println(a.discoveredFrom() + " is a web page; found its feed " + a.feed().url());
                }
                out.println("Added feed " + a.feed().id() + ": " + a.feed().displayTitle() + " <" + a.feed().url()
                        + ">" + (noCheck ? "" : " with " + a.articles() + (a.articles() == 1 ? " article" : " articles")));
                return 0;
            }
            if (outcome instanceof AddOutcome.AlreadyPresent p) {
                out.println("Already subscribed: feed " + p.feed().id() + " <" + p.feed().url() + ">");
                return 0;
            }
            spec.commandLine().getErr().println("tidings: " + ((AddOutcome.Refused) outcome).reason());
            return 1;
        }
    }
}
