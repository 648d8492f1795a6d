package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

/** The subscribers table. */
public final class SubscriberStore {
    /** What becoming active resets, whichever way it happens; one parameter, the time. */
    private static final String ACTIVATE =
            "confirmed_at = COALESCE(confirmed_at, ?), unsubscribed_at = NULL, refused_issues = 0, soft_bounces = 0,"
            + " soft_bounce_issue = NULL";
    /** Unsubscribed keeps its first date: a second click, or a second mail, changes nothing. */
    private static final String UNSUBSCRIBE = "UPDATE subscribers SET status = 'unsubscribed', unsubscribed_at = ?"
            + " WHERE id = ? AND status <> 'unsubscribed'";

    private static final String INSERT = "INSERT INTO subscribers (email, name, status, categories, token,"
            + " created_at, confirmed_at, signed_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final Query BY_ID = Query.of("subscriber by id", "SELECT " + SubscriberRows.COLUMNS + " FROM subscribers WHERE id = ?", 1L);
    static final Query BY_EMAIL = Query.of("subscriber by address", "SELECT " + SubscriberRows.COLUMNS
            + " FROM subscribers WHERE email = ?", "ana@example.org");
    static final Query BY_TOKEN = Query.of("subscriber by token", "SELECT " + SubscriberRows.COLUMNS
            + " FROM subscribers WHERE token = ?", "abc");
    static final Query BY_IDS = Query.of("subscribers by id", "SELECT " + SubscriberRows.COLUMNS
            + " FROM subscribers WHERE id IN " + Query.LIST, List.of(1L, 2L));
    static final Query BY_STATUS = StatusCounts.query("subscribers");
    static final Query RESET_REFUSALS = Query.of("reset refusals after an issue", "UPDATE subscribers"
            + " SET refused_issues = 0 WHERE refused_issues > 0 AND EXISTS (SELECT 1 FROM deliveries d"
            + " WHERE d.issue_id = ? AND d.subscriber_id = subscribers.id AND d.status = 'sent')", 1L);
    private static final int IN_LIST = 100;
    static final Query BY_EMAILS = Query.of("subscribers by addresses", "SELECT " + SubscriberRows.COLUMNS
            + " FROM subscribers WHERE email IN " + Query.LIST, List.of("ana@example.org", "ben@example.org"));

    private final Database db;
    private final Suppressions suppressions;

    public SubscriberStore(Database db) {
        this.db = db;
        this.suppressions = new Suppressions(db);
    }

    /** The addresses never to be mailed again, which sign-ups and imports look at. */
    public Suppressions suppressions() {
        return suppressions;
    }

    /** What adding came to: the subscriber, and whether it is new (an address already known keeps its record). */
    public record Added(Subscriber subscriber, boolean created) {
    }

    /**
     * The subscribers of some ids, and those ids whose stored address is malformed (see
     * {@link SubscriberRows}): no message can go to them, and a send says so in their delivery.
     */
    public record Found(List<Subscriber> subscribers, List<Long> malformed) {
    }

    /** Adds the address unless it is known; a known address keeps its record and status. */
    public Added add(NewSubscriber s, Instant now) {
        return db.inTransaction("add subscriber " + s.email(), c -> {
            Optional<Subscriber> known = find(c, BY_EMAIL, s.email().value());
            if (known.isPresent()) {
                return new Added(known.get(), false);
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
                bindInsert(ps, s, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return new Added(find(c, BY_ID, keys.getLong(1)).orElseThrow(), true);
                }
            }
        });
    }

    /**
     * As {@link #add} for each, in one transaction with one lookup of the known addresses and one
     * batch of inserts: a chunk of an import. An address given twice is added once; its later
     * occurrences come back as known, as they would from one {@link #add} after another.
     *
     * @param batch a few hundred or thousand subscribers, since their addresses go into one IN list
     * @return one per given subscriber, in the same order
     */
    public List<Added> addAll(List<NewSubscriber> batch, Instant now) {
        if (batch.isEmpty()) {
            return List.of();
        }
        return db.inTransactionRetryingConflict("add " + batch.size() + " subscribers", c -> {
            Map<String, Subscriber> stored = byEmail(c, batch.stream().map(s -> s.email().value()).distinct().toList());
            Map<String, NewSubscriber> fresh = new LinkedHashMap<>();
            batch.stream().filter(s -> !stored.containsKey(s.email().value()))
                    .forEach(s -> fresh.putIfAbsent(s.email().value(), s));
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (NewSubscriber s : fresh.values()) {
                    bindInsert(ps, s, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            stored.putAll(byEmail(c, List.copyOf(fresh.keySet())));
            List<Added> added = new ArrayList<>(batch.size());
            for (NewSubscriber s : batch) {
                String email = s.email().value();
                added.add(new Added(stored.get(email), fresh.remove(email) != null));
            }
            return added;
        });
    }

    public Optional<Subscriber> findByEmail(EmailAddress email) {
        return db.query("read subscriber", c -> find(c, BY_EMAIL, email.value()));
    }

    /** The subscriber whose links carry this token. */
    public Optional<Subscriber> findByToken(String token) {
        return db.query("read subscriber", c -> find(c, BY_TOKEN, token));
    }

    public Optional<Subscriber> find(long id) {
        return db.query("read subscriber", c -> find(c, BY_ID, id));
    }

    /** The subscribers with these ids (a page of deliveries), in any order. */
    public Found byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return new Found(List.of(), List.of());
        }
        return db.query("read subscribers", c -> {
            try (PreparedStatement ps = c.prepareStatement(BY_IDS.sql(ids.size()))) {
                for (int i = 0; i < ids.size(); i++) {
                    ps.setLong(i + 1, ids.get(i));
                }
                SubscriberRows rows = SubscriberRows.read(ps);
                return new Found(rows.subscribers(), rows.malformed());
            }
        });
    }

    public Map<SubscriberStatus, Long> countsByStatus() {
        return db.query("count subscribers", c -> StatusCounts.of(c, BY_STATUS, SubscriberStatus.class,
                SubscriberStatus::fromCode));
    }

    /** Sets the status and stamps the matching time; returns whether a row changed. */
    public boolean setStatus(long id, SubscriberStatus status, Instant now) {
        String stamp = switch (status) {
            case ACTIVE -> ", " + ACTIVATE;
            case UNSUBSCRIBED -> ", unsubscribed_at = ?";
            // Pending again (signed up anew, or asked for the email again): the window to confirm restarts.
            case PENDING -> ", signed_up_at = ?";
            default -> "";
        };
        return db.inTransaction("update subscriber " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET status = ?" + stamp
                    + " WHERE id = ?")) {
                int i = 1;
                ps.setString(i++, status.code());
                if (!stamp.isEmpty() && stamp.contains("?")) {
                    Sql.setInstant(ps, i++, now);
                }
                ps.setLong(i, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Activates a pending subscriber who signed up at or after {@code signedUpSince}, in one
     * statement so that a confirmation racing an expiry cannot activate an expired sign-up. The
     * person opted in anew with their own link, so their address leaves the suppression list.
     *
     * @return whether the subscriber is now active by this call
     */
    public boolean confirm(long id, Instant signedUpSince, Instant now) {
        return db.inTransaction("confirm subscriber " + id, c -> {
            boolean confirmed;
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET status = ?, " + ACTIVATE
                    + " WHERE id = ? AND status = ? AND COALESCE(signed_up_at, created_at) >= ?")) {
                ps.setString(1, SubscriberStatus.ACTIVE.code());
                Sql.setInstant(ps, 2, now);
                ps.setLong(3, id);
                ps.setString(4, SubscriberStatus.PENDING.code());
                Sql.setInstant(ps, 5, signedUpSince);
                confirmed = ps.executeUpdate() == 1;
            }
            if (confirmed) {
                Suppressions.lift(c, id);
            }
            return confirmed;
        });
    }

    /**
     * Unsubscribes, whichever way the person asked: the page's button, a mail client's one-click
     * request, a message to the List-Unsubscribe mailto address.
     *
     * @return whether the subscriber is unsubscribed by this call (false: already, or unknown)
     */
    public boolean unsubscribe(long id, Instant now) {
        return db.inTransaction("unsubscribe subscriber " + id, c -> unsubscribe(c, id, now));
    }

    static boolean unsubscribe(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UNSUBSCRIBE)) {
            Sql.setInstant(ps, 1, now);
            ps.setLong(2, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Changes what the subscriber chose themselves: the name (blank for none) and the categories (none = all). */
    public boolean updatePreferences(long id, String name, List<String> categories) {
        return db.inTransaction("update preferences of subscriber " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE subscribers SET name = ?, categories = ? WHERE id = ?")) {
                ps.setString(1, Sql.fit(blankToNull(name), 200));
                ps.setString(2, Sql.fit(String.join("\n", categories), 2000));
                ps.setLong(3, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * A permanent refusal of this subscriber's issue: it counts toward bouncing, and the
     * {@code bounceAfter}-th refused issue in a row makes an active subscriber bounced.
     *
     * @return whether the subscriber is now bounced
     */
    public boolean recordRefusal(long id, int bounceAfter) {
        return db.inTransaction("record refusal of subscriber " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE subscribers SET refused_issues = refused_issues + 1 WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE subscribers SET status = ? WHERE id = ?"
                    + " AND status = ? AND refused_issues >= ?")) {
                ps.setString(1, SubscriberStatus.BOUNCED.code());
                ps.setLong(2, id);
                ps.setString(3, SubscriberStatus.ACTIVE.code());
                ps.setInt(4, bounceAfter);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Refusals and soft bounces count only in a row: whoever received this issue starts again from
     * zero (soft bounces as {@link SubscriberEffects#RESET_SOFT_BOUNCES} says).
     */
    public void resetRefusalsOfDelivered(long issueId) {
        db.inTransaction("reset refusals after issue " + issueId, c -> {
            try (PreparedStatement ps = c.prepareStatement(RESET_REFUSALS.sql())) {
                ps.setLong(1, issueId);
                ps.executeUpdate();
            }
            return SubscriberEffects.resetSoftBounces(c, issueId);
        });
    }

    private static Optional<Subscriber> find(java.sql.Connection c, Query q, Object value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            ps.setObject(1, value);
            return SubscriberRows.read(ps).subscribers().stream().findFirst();
        }
    }

    /**
     * The subscribers with these addresses, by address. A hundred to a query: H2 finds each row
     * through the index, then checks it against the whole IN list, one value after another.
     */
    private static Map<String, Subscriber> byEmail(Connection c, List<String> emails) throws SQLException {
        Map<String, Subscriber> found = new HashMap<>();
        for (int from = 0; from < emails.size(); from += IN_LIST) {
            List<String> some = emails.subList(from, Math.min(emails.size(), from + IN_LIST));
            try (PreparedStatement ps = c.prepareStatement(BY_EMAILS.sql(some.size()))) {
                for (int i = 0; i < some.size(); i++) {
                    ps.setString(i + 1, some.get(i));
                }
                // A row that matched holds a valid address: one of those asked for, as EmailAddress.parse left it.
                SubscriberRows.read(ps).subscribers().forEach(s -> found.put(s.email().value(), s));
            }
        }
        return found;
    }

    private static void bindInsert(PreparedStatement ps, NewSubscriber s, Instant now) throws SQLException {
        ps.setString(1, s.email().value());
        ps.setString(2, Sql.fit(blankToNull(s.name()), 200));
        ps.setString(3, s.status().code());
        ps.setString(4, Sql.fit(String.join("\n", s.categories()), 2000));
        ps.setString(5, Tokens.next());
        Sql.setInstant(ps, 6, now);
        Sql.setInstant(ps, 7, s.status() == SubscriberStatus.ACTIVE ? now : null);
        Sql.setInstant(ps, 8, now);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
