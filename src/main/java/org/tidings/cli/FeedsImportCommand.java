package org.tidings.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.ingest.FeedListImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings feeds import FILE}. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import feeds from an OPML file; nested outlines become categories. Known URLs are skipped.")
final class FeedsImportCommand implements Callable<Integer> {
    @ParentCommand
    FeedsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The OPML file.")
    Path file;

    @Override
    public Integer call() {
        try (Tidings t = parent.root.open()) {
            FeedListImport.Counts c = OpmlFiles.importFile(t, parent.root.workingDir().resolve(file),
                    spec.commandLine().getOut());
            spec.commandLine().getOut().println("Imported " + c.added() + " feeds (" + c.alreadyPresent()
                    + " already subscribed)");
            return 0;
        }
    }
}
