package org.tidings.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

/**
 * Subscriber rows as one query read them. A row whose stored address is malformed (it reached the
 * table some other way than through Tidings: an old import, a hand edit) never becomes a
 * {@link Subscriber}, whose address is always valid: its id is kept apart, so that a send fails
 * that delivery alone, and the other reads leave it out.
 *
 * @param malformed ids of the rows whose stored address is malformed
 * @param count rows read, malformed ones included
 * @param lastId id of the last row read, where a page by id goes on from
 * @param lastEmail stored address of the last row read, where a page by address goes on from
 */
record SubscriberRows(List<Subscriber> subscribers, List<Long> malformed, int count, long lastId,
        String lastEmail) {
    /** The columns {@link #read} expects, for the SELECTs of both subscriber stores. */
    static final String COLUMNS = "id, email, name, status, categories, token, created_at, confirmed_at,"
            + " unsubscribed_at";
    private static final Logger LOG = LoggerFactory.getLogger(SubscriberRows.class);

    static SubscriberRows read(PreparedStatement ps) throws SQLException {
        List<Subscriber> subscribers = new ArrayList<>();
        List<Long> malformed = new ArrayList<>();
        int count = 0;
        long lastId = 0;
        String lastEmail = null;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                count++;
                lastId = rs.getLong("id");
                lastEmail = rs.getString("email");
                EmailAddress email = valid(lastEmail);
                if (email == null) {
                    LOG.warn("subscriber {} left out: its stored email address is malformed", lastId);
                    malformed.add(lastId);
                } else {
                    subscribers.add(subscriber(rs, email));
                }
            }
        }
        return new SubscriberRows(subscribers, malformed, count, lastId, lastEmail);
    }

    private static EmailAddress valid(String stored) {
        try {
            return new EmailAddress(stored);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Subscriber subscriber(ResultSet rs, EmailAddress email) throws SQLException {
        String cats = rs.getString("categories");
        return new Subscriber(rs.getLong("id"), email, rs.getString("name"),
                SubscriberStatus.fromCode(rs.getString("status")),
                cats == null || cats.isEmpty() ? List.of() : Arrays.asList(cats.split("\n")), rs.getString("token"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "confirmed_at"), Sql.instant(rs, "unsubscribed_at"));
    }
}
