package org.tidings.subscribers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import org.tidings.csv.CsvRows;
import org.tidings.model.Subscriber;
import org.tidings.store.SubscriberList;

/**
 * Every subscriber as CSV, for {@code subscribers export} and the admin's download: the import's
 * columns plus status and dates, so an export can be imported again.
 */
public final class SubscriberExport {
    private SubscriberExport() {
    }

    /** Reads the subscribers a page at a time, so memory stays flat however many there are. */
    public static void write(SubscriberList subscribers, Writer out) {
        try {
            out.write("email,name,categories,status,created_at,confirmed_at,unsubscribed_at\r\n");
            subscribers.forEach(s -> {
                try {
                    out.write(row(s));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(Subscriber s) {
        return String.join(",", CsvRows.quote(s.email().value()), CsvRows.quote(s.name()),
                CsvRows.quote(String.join(";", s.categories())), s.status().code(), text(s.createdAt()),
                text(s.confirmedAt()), text(s.unsubscribedAt())) + "\r\n";
    }

    private static String text(Instant t) {
        return t == null ? "" : t.toString();
    }
}
