package org.tidings.newsletter;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tidings.csv.CsvRows;
import org.tidings.mail.MailUnavailableException;
import org.tidings.model.Subscriber;

/**
 * Imports subscribers from CSV with the header {@code email,name,categories} (categories
 * separated by ";" or ","), for {@code subscribers import} and the admin's upload. Bad rows are
 * reported by line and skipped; good rows are imported; a known address keeps its status.
 */
public final class SubscriberImport {
    private final NewsletterParts parts;

    public SubscriberImport(NewsletterParts parts) {
        this.parts = parts;
    }

    /** A row that was not imported. */
    public record BadRow(int line, String reason) {
    }

    /**
     * What an import came to.
     *
     * @param confirmationsSent confirmation emails that went out (pending imports only)
     * @param confirmationProblems one line per confirmation that could not be sent
     */
    public record Report(int added, int known, List<BadRow> badRows, int confirmationsSent,
            List<String> confirmationProblems) {
        public String describe(Consent consent) {
            return "Imported " + added + " subscribers (" + known + " already known, " + badRows.size() + " bad rows"
                    + (consent == Consent.PENDING ? ", " + confirmationsSent + " confirmation emails sent" : "") + ")";
        }
    }

    /** Whether the importer vouches for the subscribers' consent. */
    public enum Consent {
        /** Active at once: the admin vouches for their consent. */
        CONFIRMED,
        /** Pending, each with a confirmation email (double opt-in). */
        PENDING
    }

    /**
     * @throws IllegalArgumentException when the first line is not a header with an email column
     * @throws IOException when the CSV cannot be read (an unclosed quote...)
     * @throws MailUnavailableException when confirmations are owed and the mail server cannot be
     *     reached; the rows are imported already
     */
    public Report read(Reader in, Consent consent) throws IOException, MailUnavailableException {
        CsvRows rows = new CsvRows(in);
        List<String> header = rows.next();
        int emailCol = header == null ? -1 : column(header, "email");
        if (emailCol < 0) {
            throw new IllegalArgumentException("the first line must be a header with an email column");
        }
        int nameCol = column(header, "name");
        int catCol = column(header, "categories");
        Signup signup = new Signup(parts);
        List<Subscriber> toConfirm = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        int added = 0;
        int known = 0;
        for (List<String> row; (row = next(rows)) != null; ) {
            int line = rows.line() - 1;
            try {
                Signup.Outcome o = signup.add(new SignupRequest(cell(row, emailCol), cell(row, nameCol),
                        SignupRequest.categories(cell(row, catCol)), consent == Consent.CONFIRMED), Signup.Returning.KEEP_STATUS);
                added += o.created() ? 1 : 0;
                known += o.created() ? 0 : 1;
                if (o.needsConfirmation()) {
                    toConfirm.add(o.subscriber());
                }
            } catch (IllegalArgumentException e) {
                bad.add(new BadRow(line, e.getMessage()));
            }
        }
        List<String> problems = new Confirmations(parts).send(toConfirm);
        return new Report(added, known, bad, toConfirm.size() - problems.size(), problems);
    }

    /** The next row that is not blank. */
    private static List<String> next(CsvRows rows) throws IOException {
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

}
