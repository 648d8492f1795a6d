package org.tidings.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Random;
import javax.sql.DataSource;

/**
 * A year's subscribers and sent issues, written by JDBC batches and INSERT ... SELECT for speed.
 * The SQL names only columns of migrations V1 to V8, so that later migrations that add columns
 * (with defaults) do not break it; articles come only from the real ingest.
 */
final class YearLedger {
    private static final String[] FIRST = {"anna", "jean", "lukas", "maria", "chloe", "soren", "zoe", "jurgen",
        "ines", "pablo", "marta", "tomas", "lea", "hugo", "nadia", "omar"};
    private static final String[] LAST = {"muller", "dubois", "nunez", "garcia", "rossi", "novak", "obrien",
        "schmidt", "martin", "kowalski", "jensen", "silva"};
    private static final String[] DOMAINS = {"gmail.com", "posteo.de", "free.fr", "example.org", "riseup.net",
        "example.com", "web.de", "laposte.net", "outlook.com", "mailbox.org"};
    private static final int BATCH = 1000;
    private static final int ARTICLES_PER_ISSUE = 300;

    private final DataSource db;
    private final Instant now;
    private final Random random = new Random(2026);

    YearLedger(DataSource db, Instant now) {
        this.db = db;
        this.now = now;
    }

    /** 85% active, 8% pending, 5% unsubscribed, 2% bounced; 70% want every category. */
    void subscribers(int count) throws SQLException {
        long start = System.nanoTime();
        SecureRandom tokens = new SecureRandom();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO subscribers"
                + " (email, name, status, categories, token, created_at, confirmed_at, unsubscribed_at,"
                + " refused_issues, signed_up_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < count; i++) {
                String first = FIRST[random.nextInt(FIRST.length)];
                String last = LAST[random.nextInt(LAST.length)];
                int kind = random.nextInt(100);
                String status = kind < 85 ? "active" : kind < 93 ? "pending" : kind < 98 ? "unsubscribed" : "bounced";
                Instant created = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                ps.setString(1, first + "." + last + i + "@" + DOMAINS[random.nextInt(DOMAINS.length)]);
                ps.setString(2, random.nextInt(3) == 0 ? null : capital(first) + " " + capital(last));
                ps.setString(3, status);
                ps.setString(4, categories());
                ps.setString(5, token(tokens));
                ps.setObject(6, created.atOffset(ZoneOffset.UTC));
                ps.setObject(7, "pending".equals(status) ? null : created.plusSeconds(600).atOffset(ZoneOffset.UTC));
                ps.setObject(8, "unsubscribed".equals(status) ? now.minus(Duration.ofDays(random.nextInt(60)))
                        .atOffset(ZoneOffset.UTC) : null);
                ps.setInt(9, "bounced".equals(status) ? 3 : 0);
                ps.setObject(10, created.atOffset(ZoneOffset.UTC));
                ps.addBatch();
                if ((i + 1) % BATCH == 0 || i == count - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        System.out.printf("%,d subscribers in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Weekly sent issues up to a day before {@code now}, each with a web version of about 100 KB,
     * {@value #ARTICLES_PER_ISSUE} articles and a delivery row per active subscriber (2% failed, 1% skipped).
     */
    void issues(int count) throws SQLException {
        long start = System.nanoTime();
        long firstArticle = firstArticleId();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (int n = 1; n <= count; n++) {
                Instant end = now.minus(Duration.ofDays(1 + 7L * (count - n)));
                long id = insertIssue(c, n, end.minus(Duration.ofDays(7)), end);
                try (Statement st = c.createStatement()) {
                    st.executeUpdate("INSERT INTO deliveries (issue_id, subscriber_id, status, attempts, last_error,"
                            + " message_id, updated_at) SELECT " + id + ", id, CASE WHEN MOD(id, 50) = 7 THEN 'failed'"
                            + " WHEN MOD(id, 100) = 13 THEN 'skipped' ELSE 'sent' END, 1, CASE WHEN MOD(id, 50) = 7"
                            + " THEN '550 5.1.1 mailbox unavailable' END, '<issue" + n + ".' || id || '@tidings.example>',"
                            + " completed FROM subscribers, (SELECT completed_at AS completed FROM issues WHERE id = "
                            + id + ") i WHERE status = 'active'");
                    st.executeUpdate("INSERT INTO issue_articles (issue_id, article_id) SELECT " + id + ", id FROM"
                            + " articles WHERE id >= " + (firstArticle + (long) (n - 1) * ARTICLES_PER_ISSUE)
                            + " AND id < " + (firstArticle + (long) n * ARTICLES_PER_ISSUE));
                    // As IssueStore.complete does when an issue ends: status and the admin's history
                    // read these counts rather than counting the ledger.
                    st.executeUpdate("UPDATE issues SET sent_count = (SELECT COUNT(*) FROM deliveries d WHERE"
                            + " d.issue_id = issues.id AND d.status = 'sent'), failed_count = (SELECT COUNT(*) FROM"
                            + " deliveries d WHERE d.issue_id = issues.id AND d.status = 'failed'), skipped_count ="
                            + " (SELECT COUNT(*) FROM deliveries d WHERE d.issue_id = issues.id AND d.status ="
                            + " 'skipped') WHERE id = " + id);
                }
                c.commit();
            }
        }
        System.out.printf("%d sent issues with their ledgers in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private long insertIssue(Connection c, int number, Instant periodStart, Instant periodEnd) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO issues (number, period_start, period_end, subject,"
                + " status, web_html, created_at, completed_at) VALUES (?, ?, ?, ?, 'sent', ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setInt(1, number);
            ps.setObject(2, periodStart.atOffset(ZoneOffset.UTC));
            ps.setObject(3, periodEnd.atOffset(ZoneOffset.UTC));
            ps.setString(4, "Tidings: week of " + periodEnd.atOffset(ZoneOffset.UTC).toLocalDate());
            ps.setString(5, webHtml(number));
            ps.setObject(6, periodEnd.atOffset(ZoneOffset.UTC));
            ps.setObject(7, periodEnd.plus(Duration.ofHours(2)).atOffset(ZoneOffset.UTC));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private long firstArticleId() throws SQLException {
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MIN(id) FROM articles")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** About 100 KB: a digest's web version, sections of linked titles with summaries. */
    private static String webHtml(int number) {
        StringBuilder sb = new StringBuilder(110_000).append("<h1>Tidings, issue ").append(number).append("</h1>\n");
        for (int i = 0; sb.length() < 100_000; i++) {
            if (i % 40 == 0) {
                sb.append("<h2>").append(YearData.CATEGORIES.get(i / 40 % YearData.CATEGORIES.size())).append("</h2>\n");
            }
            sb.append("<article><h3><a href=\"https://blog").append(i).append(".example.org/2026/article-").append(i)
                    .append("/\">Grève générale: the union’s “solidarity” campaign, part ").append(i)
                    .append("</a></h3><p>Arbeiter und Gewerkschaft: huelga de trabajadores, réforme des retraites,"
                            + " railway strike and housing protest.</p></article>\n");
        }
        return sb.toString();
    }

    private String categories() {
        int pick = random.nextInt(10);
        if (pick < 7) {
            return "";
        }
        String one = YearData.CATEGORIES.get(random.nextInt(YearData.CATEGORIES.size()));
        return pick < 9 ? one : one + "\n" + YearData.CATEGORIES.get((YearData.CATEGORIES.indexOf(one) + 1)
                % YearData.CATEGORIES.size());
    }

    private static String token(SecureRandom tokens) {
        byte[] bytes = new byte[24];
        tokens.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
