package org.tidings.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.tidings.Tidings;
import org.tidings.model.Subscriber;
import org.tidings.newsletter.Confirmations;
import org.tidings.newsletter.Signup;
import org.tidings.newsletter.SignupRequest;
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
        try (Tidings t = parent.root.open();
                Reader r = Files.newBufferedReader(parent.root.workingDir().resolve(file), StandardCharsets.UTF_8)) {
            CsvRows rows = new CsvRows(r);
            List<String> header = rows.next();
            int emailCol = header == null ? -1 : column(header, "email");
            if (emailCol < 0) {
                throw new IllegalArgumentException(file + ": the first line must be a header with an email column");
            }
            int nameCol = column(header, "name");
            int catCol = column(header, "categories");
            Signup signup = new Signup(t.newsletter());
            List<Subscriber> toConfirm = new ArrayList<>();
            int added = 0;
            int known = 0;
            int bad = 0;
            for (List<String> row; (row = next(rows)) != null; ) {
                int line = rows.line() - 1;
                try {
                    Signup.Outcome o = signup.add(new SignupRequest(cell(row, emailCol), cell(row, nameCol),
                            categories(cell(row, catCol)), !pending), Signup.Returning.KEEP_STATUS);
                    added += o.created() ? 1 : 0;
                    known += o.created() ? 0 : 1;
                    if (o.needsConfirmation()) {
                        toConfirm.add(o.subscriber());
                    }
                } catch (IllegalArgumentException e) {
                    bad++;
                    out.println(file.getFileName() + " line " + line + ": " + e.getMessage());
                }
            }
            List<String> problems = new Confirmations(t.newsletter()).send(toConfirm);
            problems.forEach(p -> out.println("confirmation: " + p));
            out.println("Imported " + added + " subscribers (" + known + " already known, " + bad + " bad rows"
                    + (pending ? ", " + (toConfirm.size() - problems.size()) + " confirmation emails sent" : "") + ")");
            return 0;
        }
    }

    /** The next row that is not blank. */
    private static List<String> next(CsvRows rows) throws java.io.IOException {
        List<String> row;
        do {
            row = rows.next();
        } while (row != null && row.size() == 1 && row.get(0).isBlank());
        return row;
    }

    private static int column(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int col) {
        return col < 0 || col >= row.size() ? null : row.get(col);
    }

    private static List<String> categories(String cell) {
        return cell == null || cell.isBlank() ? List.of() : Arrays.asList(cell.split("[;,]"));
    }
}
