package org.tidings.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;

/**
 * Three serve processes started at once on an empty PostgreSQL database: Flyway's lock lets one
 * migrate while the others wait, every node serves, and {@code status} lists them all.
 */
class ClusterStartTest {
    @TempDir
    Path dir;
    private ClusterNodes cluster;

    @AfterEach
    void close() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeNodesStartingAtOnceOnAnEmptyDatabaseMigrateItOnceAndAllServe() throws Exception {
        assumeTrue(TestDatabase.onPostgres(), "the cluster runs on PostgreSQL (the build's on-postgresql test run)");
        String url = TestDatabase.url(dir);
        cluster = new ClusterNodes(dir, Map.of("TIDINGS_DB_URL", url));

        cluster.startAll(3);
        Process status = cluster.command("cli", "status");
        assertTrue(status.waitFor(60, TimeUnit.SECONDS));
        String out = Files.readString(dir.resolve("cli").resolve("out.log"));

        assertEquals(0, status.exitValue(), out);
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), COUNT(DISTINCT version) FROM flyway_schema_history"
                        + " WHERE version IS NOT NULL AND success")) {
            rs.next();
            assertEquals(rs.getLong(2), rs.getLong(1), "a migration applied twice");
        }
        assertTrue(out.contains("nodes: 3 serving"), out + "\n" + cluster.logs());
        for (ClusterNodes.Node n : cluster.nodes()) {
            assertTrue(out.contains(":" + n.pid() + ":"), "status does not list node pid " + n.pid() + "\n" + out);
        }
    }
}
