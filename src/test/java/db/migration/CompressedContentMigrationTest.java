package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;
import org.tidings.model.Article;
import org.tidings.store.ArticleQuery;
import org.tidings.store.ArticleStore;
import org.tidings.store.Database;

/** V9 converts the content stored as text before it into deflated bytes, row for row. */
class CompressedContentMigrationTest {
    @TempDir
    Path dir;

    @Test
    void convertsExistingContentAndKeepsEveryRow() throws SQLException {
        String url = TestDatabase.url(dir);
        migrateToTheVersionBeforeV9(url);
        List<String> contents = new ArrayList<>(List.of("<p>Grève générale — “solidarité”</p>", "<p>🚩✊🏽 𝄞</p>", "",
                "<p>" + "Gewerkschaft réforme 🚩 ".repeat(4000) + "</p>"));
        for (int i = contents.size(); i < 1203; i++) {
            contents.add("<p>article " + i + "</p>");
        }
        insertAsText(url, contents);

        List<String> got;
        try (Database db = TestDatabase.open(dir)) {
            got = new ArrayList<>(new ArticleStore(db).newest(new ArticleQuery(null, 2000)).stream()
                    .map(Article::contentHtml).toList());
        }

        Collections.reverse(got);
        assertEquals(contents, got);
    }

    /** V8 where it exists (another branch adds it), else the newest before it: V9's starting point. */
    private static void migrateToTheVersionBeforeV9(String url) {
        MigrationVersion v9 = MigrationVersion.fromVersion("9");
        MigrationVersion before = Arrays.stream(flyway(url, MigrationVersion.LATEST).info().all())
                .map(MigrationInfo::getVersion).filter(v -> v != null && v.compareTo(v9) < 0)
                .max(Comparator.naturalOrder()).orElseThrow();
        flyway(url, before).migrate();
    }

    private static Flyway flyway(String url, MigrationVersion target) {
        return Flyway.configure().dataSource(url, "", "").locations("classpath:db/migration").target(target).load();
    }

    /** Rows as the V1..V8 schema held them: content as VARCHAR; published one second apart, in order. */
    private static void insertAsText(String url, List<String> contents) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO feeds (id, url, status, created_at) VALUES (1, 'https://example.org/feed',"
                        + " 'active', TIMESTAMP WITH TIME ZONE '2024-03-01 00:00:00+00')");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO articles (feed_id, guid_hash, guid, title,"
                    + " authors, categories, published_at, first_seen_at, summary, content, content_hash)"
                    + " VALUES (1, ?, ?, 'T', '', '', ?, TIMESTAMP WITH TIME ZONE '2024-03-05 00:00:00+00', '', ?, 'h')")) {
                for (int i = 0; i < contents.size(); i++) {
                    ps.setString(1, "g" + i);
                    ps.setString(2, "g" + i);
                    ps.setObject(3, OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusSeconds(i));
                    ps.setString(4, contents.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }
}
