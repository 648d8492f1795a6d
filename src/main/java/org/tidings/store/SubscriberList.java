package org.tidings.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.tidings.model.Subscriber;

/**
 * The subscribers as lists: all of them a page at a time, and the admin's search by address, both
 * by keyset so that a page costs what it returns. {@link SubscriberStore} finds and changes one.
 */
public final class SubscriberList {
    private static final int PAGE = 1000;
    /**
     * Addresses that start with a text, as a range of the unique index on email (stored lower-cased):
     * LIKE 'text%' uses an index on PostgreSQL only under the C collation, a range under any.
     */
    private static final String STARTS_WITH = "email >= ? AND email < ?";
    /** Sorts after every character of an address, so that [text, text + END) holds all that start with text. */
    private static final String END = "\uffff";

    static final Query PAGE_BY_ID = Query.of("a page of subscribers", "SELECT " + SubscriberRows.COLUMNS
            + " FROM subscribers WHERE id > ? ORDER BY id LIMIT ?", 0L, 1000);
    static final Query SEARCH = Query.of("subscribers by address", "SELECT " + SubscriberRows.COLUMNS + " FROM subscribers WHERE "
            + STARTS_WITH + " AND email > ? ORDER BY email LIMIT ?", "ana", "ana" + END, "", 101);
    static final Query COUNT_MATCHING = Query.of("count of subscribers by address",
            "SELECT COUNT(*) FROM subscribers WHERE " + STARTS_WITH, "ana", "ana" + END);

    private final Database db;

    public SubscriberList(Database db) {
        this.db = db;
    }

    /** Every subscriber in id order, read a page at a time: memory stays flat however many there are. */
    public void forEach(Consumer<Subscriber> action) {
        long after = 0;
        for (List<Subscriber> page; !(page = page(after, PAGE)).isEmpty(); after = page.get(page.size() - 1).id()) {
            page.forEach(action);
        }
    }

    /** Subscribers by id, {@code limit} of them after {@code afterId}. */
    public List<Subscriber> page(long afterId, int limit) {
        return db.query("list subscribers", c -> filled(limit, (previous, wanted) -> {
            try (PreparedStatement ps = c.prepareStatement(PAGE_BY_ID.sql())) {
                ps.setLong(1, previous == null ? afterId : previous.lastId());
                ps.setInt(2, wanted);
                return SubscriberRows.read(ps);
            }
        }));
    }

    /**
     * A page of the subscribers whose address starts with {@code text} (any case; blank: everyone),
     * by address, {@code limit} of them after the address {@code after} (empty for the first page).
     */
    public List<Subscriber> search(String text, String after, int limit) {
        return db.query("search subscribers", c -> filled(limit, (previous, wanted) -> {
            try (PreparedStatement ps = c.prepareStatement(SEARCH.sql())) {
                int i = bindStart(ps, text);
                ps.setString(i++, previous != null ? previous.lastEmail() : after == null ? "" : after);
                ps.setInt(i, wanted);
                return SubscriberRows.read(ps);
            }
        }));
    }

    /**
     * Up to {@code limit} subscribers from one keyset read after another: a row left out for its
     * malformed address is read past, so that a page is short only at the end.
     */
    private static List<Subscriber> filled(int limit, NextRows next) throws SQLException {
        List<Subscriber> out = new ArrayList<>();
        SubscriberRows rows = null;
        while (out.size() < limit) {
            int wanted = limit - out.size();
            rows = next.read(rows, wanted);
            out.addAll(rows.subscribers());
            if (rows.count() < wanted) {
                break;
            }
        }
        return out;
    }

    /** Reads the rows after {@code previous} (null: from the start of the page asked for). */
    @FunctionalInterface
    private interface NextRows {
        SubscriberRows read(SubscriberRows previous, int limit) throws SQLException;
    }

    /** How many subscribers {@link #search} finds in all: a range of the address index, counted. */
    public long countMatching(String text) {
        return db.query("count subscribers", c -> {
            try (PreparedStatement ps = c.prepareStatement(COUNT_MATCHING.sql())) {
                bindStart(ps, text);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Binds the range of addresses starting with the text and returns the next parameter index. */
    private static int bindStart(PreparedStatement ps, String text) throws SQLException {
        String start = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        ps.setString(1, start);
        ps.setString(2, start + END);
        return 3;
    }
}
