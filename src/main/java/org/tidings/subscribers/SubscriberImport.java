package org.tidings.subscribers;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tidings.csv.CsvRows;
import org.tidings.mail.MailUnavailableException;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.NewSubscriber;
import org.tidings.store.SubscriberStore;
import org.tidings.newsletter.NewsletterParts;

/**
 * Imports subscribers from CSV with the header {@code email,name,categories} (categories
 * separated by ";" or ","), for {@code subscribers import} and the admin's upload. Bad rows are
 * reported by line and skipped; good rows are imported; a known address keeps its status, and an
 * address repeated in the file counts as known from its second row on. An address on the
 * suppression list (it bounced hard, or its owner complained) is skipped and reported.
 */
public final class SubscriberImport {
    /** Rows stored in one transaction; their addresses make one IN list. */
    static final int CHUNK = 1000;

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
     * @param suppressed the addresses skipped because they are on the suppression list, once each
     */
    public record Report(int added, int known, List<BadRow> badRows, int confirmationsSent,
            List<String> confirmationProblems, List<String> suppressed) {
        public String describe(Consent consent) {
            return "Imported " + added + " subscribers (" + known + " already known, " + badRows.size() + " bad rows"
                    + (suppressed.isEmpty() ? "" : ", " + suppressed.size()
                            + " skipped as bounced or complained")
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
        Chunks chunks = new Chunks();
        List<BadRow> bad = new ArrayList<>();
        try {
            for (List<String> row; (row = next(rows)) != null; ) {
                int line = rows.line() - 1;
                try {
                    chunks.add(Signup.subscriber(new SignupRequest(cell(row, emailCol), cell(row, nameCol),
                            SignupRequest.categories(cell(row, catCol)), consent == Consent.CONFIRMED)));
                } catch (IllegalArgumentException e) {
                    bad.add(new BadRow(line, e.getMessage()));
                }
            }
        } finally {
            // An unreadable line (an unclosed quote) ends the import, but not for the good rows above it.
            chunks.store();
        }
        List<String> problems = new Confirmations(parts).send(chunks.toConfirm);
        return new Report(chunks.added, chunks.known, bad, chunks.toConfirm.size() - problems.size(), problems,
                List.copyOf(chunks.suppressed));
    }

    /**
     * Good rows on their way to the table, {@link #CHUNK} to a transaction: a row at a time, 100,000
     * rows took 45 s. A known address is left as it is, so an import never undoes an unsubscription.
     */
    private final class Chunks {
        private final List<NewSubscriber> rows = new ArrayList<>(CHUNK);
        private final List<Subscriber> toConfirm = new ArrayList<>();
        private final Set<String> suppressed = new LinkedHashSet<>();
        private int added;
        private int known;

        void add(NewSubscriber s) {
            rows.add(s);
            if (rows.size() == CHUNK) {
                store();
            }
        }

        void store() {
            Set<String> held = parts.subscribers().suppressions().among(rows.stream().map(NewSubscriber::email).toList());
            List<NewSubscriber> chunk = rows.stream().filter(s -> !held.contains(s.email().value())).toList();
            rows.stream().map(s -> s.email().value()).filter(held::contains).forEach(suppressed::add);
            rows.clear();
            for (SubscriberStore.Added a : parts.subscribers().addAll(chunk, parts.clock().instant())) {
                added += a.created() ? 1 : 0;
                known += a.created() ? 0 : 1;
                if (a.created() && a.subscriber().status() == SubscriberStatus.PENDING) {
                    toConfirm.add(a.subscriber());
                }
            }
        }
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
