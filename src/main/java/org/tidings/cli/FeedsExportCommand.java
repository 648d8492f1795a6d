package org.tidings.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.opml.OpmlOutline;
import org.tidings.opml.OpmlWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tidings feeds export}: OPML 2.0 on stdout. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Write the feed list as OPML 2.0 to stdout.")
final class FeedsExportCommand implements Callable<Integer> {
    @ParentCommand
    FeedsCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Tidings t = parent.root.open()) {
            List<OpmlOutline> outlines = t.feeds().list().stream()
                    .map(f -> new OpmlOutline(f.url(), f.title(), f.siteUrl(), f.category())).toList();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            new OpmlWriter().write("Tidings feeds", outlines, t.clock().instant(), buf);
            spec.commandLine().getOut().print(buf.toString(StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
