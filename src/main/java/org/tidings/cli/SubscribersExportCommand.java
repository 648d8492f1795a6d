package org.tidings.cli;

import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.subscribers.SubscriberExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings subscribers export}: CSV to stdout, the import's columns plus status and dates. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write all subscribers as CSV to stdout.")
final class SubscribersExportCommand implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Tidings t = parent.root.open()) {
            SubscriberExport.write(t.subscriberList(), BulkOutput.buffered(spec));
            return 0;
        }
    }
}
