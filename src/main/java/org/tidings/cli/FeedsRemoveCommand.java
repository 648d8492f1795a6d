package org.tidings.cli;

import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.model.Feed;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings feeds remove ID|URL}. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Unsubscribe from a feed and delete its articles.")
final class FeedsRemoveCommand implements Callable<Integer> {
    @ParentCommand
    FeedsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID|URL", description = "The feed's id (see feeds list) or URL.")
    String ref;

    @Override
    public Integer call() {
        try (Tidings t = parent.root.open()) {
            Feed feed = FeedRef.resolve(t.feeds(), ref);
            t.feeds().remove(feed.id());
            spec.commandLine().getOut().println("Removed feed " + feed.id() + ": " + feed.displayTitle());
            return 0;
        }
    }
}
