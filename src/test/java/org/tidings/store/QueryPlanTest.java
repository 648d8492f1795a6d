package org.tidings.store;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;

/**
 * Every query of the store package, planned by H2 on a database with many rows: none may scan or
 * sort the articles, subscribers, deliveries or deleted_articles tables in full. The queries are found by
 * reflection ({@link QueryPlans#all}), and a source check keeps SQL that reads rows from living
 * anywhere but in a {@link Query}.
 */
class QueryPlanTest {
    @TempDir
    static Path dir;
    static Database db;

    @BeforeAll
    static void fill() {
        assumeFalse(TestDatabase.onPostgres(), "the plans checked are H2's");
        db = TestDatabase.open(dir);
        ManyRows.fill(db, new ManyRows.Sizes(2_000, 40_000, 20_000, 3, 40_000));
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void noQueryScansOrSortsALargeTable() throws Exception {
        List<String> failures = new ArrayList<>();
        List<Query> queries = QueryPlans.all();
        try (Connection c = db.connection()) {
            PlanVerdict verdict = new PlanVerdict(QueryPlans.leadingColumns(c));
            for (Query q : queries) {
                String plan = QueryPlans.explain(c, q);
                verdict.of(plan).ifPresent(why -> failures.add(q.name() + ": " + why + "\n" + plan));
            }
        }
        assertTrue(queries.size() >= 40, "the queries are found: " + queries.size());
        assertEquals(List.of(), failures);
    }

    @Test
    void verdictRejectsUnboundedPlans() throws Exception {
        try (Connection c = db.connection()) {
            assertEquals(Optional.of("scans articles in full; sorts rows of a large table"), verdict(c,
                    "SELECT id FROM articles ORDER BY title LIMIT 10"));
            assertEquals(Optional.of("sorts rows of a large table"), verdict(c,
                    "SELECT a.id FROM articles a WHERE a.feed_id IN (1, 2, 3) ORDER BY a.published_at DESC LIMIT 10"));
            assertTrue(verdict(c, "SELECT id FROM subscribers WHERE LOWER(name) LIKE '%ana%' ORDER BY id LIMIT 100")
                    .orElseThrow().contains("under a filter"));
            // H2 names the condition on the index's second column, but can only check it row by row.
            assertEquals(Optional.of("walks deliveries_status of deliveries from its start under a filter"),
                    verdict(c, "SELECT COUNT(*) FROM deliveries WHERE status = 'failed'"));
            assertEquals(Optional.empty(), verdict(c,
                    "SELECT id FROM articles ORDER BY published_at DESC, id DESC LIMIT 10"));
        }
    }

    /** SQL that reads rows, written outside a Query, would escape the plan check above. */
    @Test
    void everySelectOfTheStoresIsADeclaredQuery() throws IOException {
        List<String> stray = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/tidings/store"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String outside = withoutDeclarations(Files.readString(file));
                if (outside.contains("SELECT")) {
                    stray.add(file.getFileName().toString());
                }
            }
        }
        assertEquals(List.of(), stray);
    }

    private static Optional<String> verdict(Connection c, String sql) throws Exception {
        return new PlanVerdict(QueryPlans.leadingColumns(c)).of(QueryPlans.explain(c, Query.of("probe", sql)));
    }

    /** The text without comments and without the statements that declare queries ({@code Query.of(...);}). */
    static String withoutDeclarations(String source) {
        String text = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (int start; (start = text.indexOf("Query.of(", at)) >= 0; ) {
            out.append(text, at, start);
            int end = text.indexOf(");", start);
            at = end < 0 ? text.length() : end + 2;
        }
        return out.append(text.substring(at)).toString();
    }
}
