package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tidings.model.EmailAddress;
import org.tidings.model.InboundKind;

/**
 * The suppression list: addresses that bounced hard or complained, never mailed again. A new
 * issue's ledger leaves them out ({@link IssueStore#create}), the admin's add and the import skip
 * them, and only the person's own confirmed sign-up ({@link SubscriberStore#confirm}) lifts them.
 */
public final class Suppressions {
    static final Query BY_EMAIL = Query.of("suppression of an address", "SELECT reason, created_at"
            + " FROM suppressed_addresses WHERE email = ?", "ana@example.org");
    static final Query AMONG = Query.of("suppressed among addresses", "SELECT email FROM suppressed_addresses"
            + " WHERE email IN " + Query.LIST, List.of("ana@example.org", "ben@example.org"));
    /** Keeps the first reason: a complaint after a hard bounce changes nothing that matters. */
    static final Query ADD = Query.of("suppress a subscriber's address", "INSERT INTO suppressed_addresses"
            + " (email, reason, created_at) SELECT s.email, ?, ? FROM subscribers s WHERE s.id = ?"
            + " AND NOT EXISTS (SELECT 1 FROM suppressed_addresses x WHERE x.email = s.email)",
            "complaint", Instant.parse("2026-01-01T00:00:00Z"), 1L);
    static final Query LIFT = Query.of("lift the suppression of a subscriber's address", "DELETE FROM"
            + " suppressed_addresses WHERE email = (SELECT s.email FROM subscribers s WHERE s.id = ?)", 1L);
    /** As {@link SubscriberStore}'s lookups by address: a hundred to a query. */
    private static final int IN_LIST = 100;

    private final Database db;

    Suppressions(Database db) {
        this.db = db;
    }

    /**
     * Why and since when an address is suppressed.
     *
     * @param reason {@link InboundKind#HARD_BOUNCE} or {@link InboundKind#COMPLAINT}
     */
    public record Suppression(InboundKind reason, Instant since) {
    }

    public Optional<Suppression> find(EmailAddress email) {
        return db.query("read suppression of " + email, c -> {
            try (PreparedStatement ps = c.prepareStatement(BY_EMAIL.sql())) {
                ps.setString(1, email.value());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Suppression(kind(rs.getString(1)), Sql.instant(rs, 2)))
                            : Optional.empty();
                }
            }
        });
    }

    /** Those of the addresses that are suppressed: a chunk of an import. */
    public Set<String> among(List<EmailAddress> emails) {
        List<String> values = emails.stream().map(EmailAddress::value).distinct().toList();
        Set<String> found = new HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        return db.query("read suppressed addresses", c -> {
            for (int from = 0; from < values.size(); from += IN_LIST) {
                List<String> some = values.subList(from, Math.min(values.size(), from + IN_LIST));
                try (PreparedStatement ps = c.prepareStatement(AMONG.sql(some.size()))) {
                    for (int i = 0; i < some.size(); i++) {
                        ps.setString(i + 1, some.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1));
                        }
                    }
                }
            }
            return found;
        });
    }

    /** Suppresses the subscriber's address, in the caller's transaction; an address already there keeps its entry. */
    static void add(Connection c, long subscriberId, InboundKind reason, Instant now) throws SQLException {
        Sql.update(c, ADD, code(reason), now, subscriberId);
    }

    /** Lifts the subscriber's address, in the caller's transaction: they opted in anew. */
    static void lift(Connection c, long subscriberId) throws SQLException {
        Sql.update(c, LIFT, subscriberId);
    }

    static String code(InboundKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    static InboundKind kind(String code) {
        return InboundKind.valueOf(code.toUpperCase(Locale.ROOT));
    }
}
