package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.tidings.store.ContentCompression;

/**
 * articles.content becomes BYTEA holding the deflated UTF-8 of the HTML ({@link ContentCompression}):
 * content was most of the data folder. A Java migration because neither H2 nor PostgreSQL can
 * deflate in SQL (H2's COMPRESS() is its own format, and H2's alone). The column keeps its name, so
 * that queries selecting {@code a.content} read on unchanged; only the value's type changes.
 * Statements are portable: the same run converts a PostgreSQL database.
 */
public class V9__compressed_content extends BaseJavaMigration {
    /** Rows converted per read: memory stays a few MB whatever the table holds. */
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE articles ADD COLUMN content_deflated BYTEA");
        }
        long after = Long.MIN_VALUE;
        int converted;
        do {
            converted = 0;
            try (PreparedStatement select = c.prepareStatement("SELECT id, content FROM articles WHERE id > ?"
                    + " ORDER BY id LIMIT " + BATCH);
                    PreparedStatement update = c.prepareStatement(
                            "UPDATE articles SET content_deflated = ? WHERE id = ?")) {
                select.setLong(1, after);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        update.setBytes(1, ContentCompression.deflate(rs.getString(2)));
                        update.setLong(2, after);
                        update.addBatch();
                        converted++;
                    }
                }
                if (converted > 0) {
                    update.executeBatch();
                }
            }
        } while (converted == BATCH);
        swapColumns(c);
    }

    private static void swapColumns(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE articles DROP COLUMN content");
            st.execute("ALTER TABLE articles RENAME COLUMN content_deflated TO content");
            st.execute("ALTER TABLE articles ALTER COLUMN content SET NOT NULL");
        }
    }
}
