package org.tidings.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.subscribers.SubscriberImport;
import org.tidings.subscribers.SubscriberImport.Consent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tidings subscribers import FILE.csv}: header {@code email,name,categories} (categories
 * separated by ";" or ","). Bad rows are reported by line and skipped; good rows are imported.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import subscribers from CSV (header email,name,categories). Imported as active (you vouch"
                + " for their consent), or with --pending as pending with a confirmation email each. Known addresses"
                + " keep their status.")
final class SubscribersImportCommand implements Callable<Integer> {
    @ParentCommand
    SubscribersCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The CSV file (UTF-8).")
    Path file;

    @Option(names = "--pending", description = "Import as pending and send each a confirmation email.")
    boolean pending;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Consent consent = pending ? Consent.PENDING : Consent.CONFIRMED;
        try (Tidings t = parent.root.open();
                Reader r = Files.newBufferedReader(parent.root.workingDir().resolve(file), StandardCharsets.UTF_8)) {
            SubscriberImport.Report report;
            try {
                report = new SubscriberImport(t.newsletter()).read(r, consent);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
            report.badRows().forEach(b -> out.println(file.getFileName() + " line " + b.line() + ": " + b.reason()));
            report.confirmationProblems().forEach(p -> out.println("confirmation: " + p));
            report.suppressed().forEach(e -> out.println(file.getFileName() + ": " + e
                    + " skipped: on the suppression list (bounced hard or complained)"));
            out.println(report.describe(consent));
            return 0;
        }
    }
}
