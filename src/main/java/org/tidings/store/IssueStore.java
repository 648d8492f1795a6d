package org.tidings.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.tidings.model.Issue;
import org.tidings.model.SentIssue;
import org.tidings.model.SubscriberStatus;

/** The issues table: one row per issue of the newsletter, with its web version. */
public final class IssueStore {
    private static final String COLUMNS = "id, number, period_start, period_end, subject";

    static final Query UNFINISHED = Query.of("unfinished issue", "SELECT " + COLUMNS
            + " FROM issues WHERE status = 'sending' ORDER BY number LIMIT 1");
    static final Query LATEST = Query.of("latest issue", "SELECT " + COLUMNS + " FROM issues ORDER BY number DESC LIMIT 1");
    static final Query RECENT = Query.of("recent issues", "SELECT " + COLUMNS
            + " FROM issues ORDER BY number DESC LIMIT ?", 20);
    static final Query BY_NUMBER = Query.of("issue by number", "SELECT " + COLUMNS + " FROM issues WHERE number = ?", 1);
    static final Query SENT_BEFORE = Query.of("a page of sent issues", "SELECT number, subject,"
            + " COALESCE(completed_at, created_at) AS sent_at FROM issues WHERE status = 'sent'"
            + " AND number < ? ORDER BY number DESC LIMIT ?", 100, 50);
    static final Query VERSION = Query.of("issues version", "SELECT number, status FROM issues"
            + " ORDER BY number DESC LIMIT 1");
    static final Query WEB_HTML = Query.of("web version of an issue", "SELECT web_html FROM issues WHERE number = ?",
            1);
    /**
     * One pending delivery per active subscriber, read from the index on (status, id); an address
     * on the suppression list gets none, whatever its subscriber's status says (see {@link Suppressions}).
     */
    static final Query CREATE_LEDGER = Query.of("ledger of a new issue", "INSERT INTO deliveries (issue_id,"
            + " subscriber_id, status, attempts, updated_at) SELECT ?, id, 'pending', 0, ? FROM subscribers"
            + " WHERE status = ? AND NOT EXISTS (SELECT 1 FROM suppressed_addresses x"
            + " WHERE x.email = subscribers.email)", 1L, Instant.parse("2026-01-01T00:00:00Z"), "active");
    static final Query NEXT_NUMBER = Query.of("highest issue number", "SELECT MAX(number) FROM issues");

    private final Database db;

    public IssueStore(Database db) {
        this.db = db;
    }

    /** The issue being sent, if a run stopped before it finished. */
    public Optional<Issue> unfinished() {
        return one("find unfinished issue", UNFINISHED, ps -> { });
    }

    public Optional<Issue> latest() {
        return one("find latest issue", LATEST, ps -> { });
    }

    /** The newest issues first, for the admin's history. */
    public List<Issue> recent(int limit) {
        return db.query("list issues", c -> {
            try (PreparedStatement ps = c.prepareStatement(RECENT.sql())) {
                ps.setInt(1, limit);
                List<Issue> out = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
                return out;
            }
        });
    }

    public Optional<Issue> byNumber(int number) {
        return one("find issue " + number, BY_NUMBER, ps -> ps.setInt(1, number));
    }

    /**
     * Creates the next issue and, in the same transaction, a pending delivery for every active
     * subscriber: the ledger is complete before the first message goes out, so a run killed at
     * any point resumes with exactly the subscribers it still owes.
     *
     */
    public Issue create(NewIssue issue, Instant now) {
        Issue planned = issue.planned();
        String webHtml = issue.webHtml();
        return db.inTransaction("create issue", c -> {
            int number = planned.number();
            Instant periodStart = planned.periodStart();
            Instant periodEnd = planned.periodEnd();
            String subject = planned.subject();
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO issues (number, period_start, period_end,"
                    + " subject, status, web_html, created_at) VALUES (?, ?, ?, ?, 'sending', ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setInt(1, number);
                Sql.setInstant(ps, 2, periodStart);
                Sql.setInstant(ps, 3, periodEnd);
                ps.setString(4, Sql.fit(subject, 500));
                ps.setString(5, webHtml);
                Sql.setInstant(ps, 6, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(CREATE_LEDGER.sql())) {
                ps.setLong(1, id);
                Sql.setInstant(ps, 2, now);
                ps.setString(3, SubscriberStatus.ACTIVE.code());
                ps.executeUpdate();
            }
            insertArticles(c, id, issue.articleIds());
            return new Issue(id, number, periodStart, periodEnd, subject);
        });
    }

    private static void insertArticles(Connection c, long issueId, List<Long> articleIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO issue_articles (issue_id, article_id) VALUES (?, ?)")) {
            for (long articleId : articleIds) {
                ps.setLong(1, issueId);
                ps.setLong(2, articleId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Marks the issue sent with its final ledger counts: nothing is pending any more, so they no
     * longer change, and reports read them here instead of counting the ledger again. Once: when
     * several nodes finish the same issue, the first to complete it writes its counts.
     */
    public void complete(long issueId, DeliveryCounts counts, Instant now) {
        db.inTransaction("complete issue " + issueId, c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE issues SET status = 'sent', completed_at = ?,"
                    + " sent_count = ?, failed_count = ?, skipped_count = ? WHERE id = ? AND status <> 'sent'")) {
                Sql.setInstant(ps, 1, now);
                ps.setLong(2, counts.sent());
                ps.setLong(3, counts.failed());
                ps.setLong(4, counts.skipped());
                ps.setLong(5, issueId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Sent issues numbered below {@code beforeNumber}, newest first: one page of the archive,
     * by keyset on the unique index on number.
     */
    public List<SentIssue> sentBefore(int beforeNumber, int limit) {
        return db.query("list sent issues", c -> {
            try (PreparedStatement ps = c.prepareStatement(SENT_BEFORE.sql())) {
                ps.setInt(1, beforeNumber);
                ps.setInt(2, limit);
                List<SentIssue> out = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SentIssue(rs.getInt("number"), rs.getString("subject"), Sql.instant(rs, "sent_at")));
                    }
                }
                return out;
            }
        });
    }

    /** Read from the newest row of the unique index on number, whatever the table holds. */
    public IssuesVersion version() {
        return db.query("read the issues version", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(VERSION.sql())) {
                return rs.next() ? new IssuesVersion(rs.getInt(1), "sent".equals(rs.getString(2)))
                        : new IssuesVersion(0, false);
            }
        });
    }

    /** The rendered web version of an issue, for the archive. */
    public Optional<String> webHtml(int number) {
        return db.query("read issue " + number, c -> {
            try (PreparedStatement ps = c.prepareStatement(WEB_HTML.sql())) {
                ps.setInt(1, number);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** The number the next issue will get; the unique constraint settles a race between two senders. */
    public int nextNumber() {
        return db.query("number the next issue", c -> {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(NEXT_NUMBER.sql())) {
                rs.next();
                return rs.getInt(1) + 1;
            }
        });
    }

    private Optional<Issue> one(String what, Query q, FeedStore.Binder binder) {
        return db.query(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(q.sql())) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Issue read(ResultSet rs) throws SQLException {
        return new Issue(rs.getLong("id"), rs.getInt("number"), Sql.instant(rs, "period_start"),
                Sql.instant(rs, "period_end"), rs.getString("subject"));
    }
}
