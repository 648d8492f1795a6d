package org.tidings.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.model.Subscriber;
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
        PrintWriter out = spec.commandLine().getOut();
        try (Tidings t = parent.root.open()) {
            out.print("email,name,categories,status,created_at,confirmed_at,unsubscribed_at\r\n");
            t.subscribers().forEach(s -> out.print(row(s)));
            out.flush();
            return 0;
        }
    }

    private static String row(Subscriber s) {
        return String.join(",", CsvRows.quote(s.email() == null ? "" : s.email().value()), CsvRows.quote(s.name()),
                CsvRows.quote(String.join(";", s.categories())), s.status().code(), text(s.createdAt()),
                text(s.confirmedAt()), text(s.unsubscribedAt())) + "\r\n";
    }

    private static String text(java.time.Instant t) {
        return t == null ? "" : t.toString();
    }
}
