package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestDatabase;

/** Admin sessions in the database: found by id while live, never stored by id, gone when ended. */
class AdminSessionStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration IDLE = Duration.ofHours(12);

    @TempDir
    Path dir;
    private Database db;
    private AdminSessionStore sessions;

    @BeforeEach
    void open() {
        db = TestDatabase.open(dir);
        sessions = new AdminSessionStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void create(String id, Instant at) {
        sessions.create(new NewAdminSession(id, "csrf-" + id, at, at.plus(IDLE)));
    }

    @Test
    void findsALiveSessionWithItsCsrfToken() {
        create("session-a", NOW);

        StoredAdminSession s = sessions.find("session-a", NOW.plusSeconds(5)).orElseThrow();

        assertEquals("csrf-session-a", s.csrf());
        assertEquals(NOW, s.lastSeenAt());
        assertEquals(NOW.plus(IDLE), s.expiresAt());
        assertNull(s.notice());
        assertTrue(sessions.find("session-b", NOW).isEmpty());
    }

    @Test
    void storesTheHashOfTheIdAndNeverTheIdItself() {
        create("session-a", NOW);

        List<String> keys = column("SELECT id_hash FROM admin_sessions");

        assertEquals(List.of(AdminSessionStore.hash("session-a")), keys);
        assertEquals(43, keys.get(0).length());
        assertFalse(keys.get(0).contains("session-a"));
    }

    @Test
    void aSessionIsGoneAtItsExpiryUnlessTouchedBefore() {
        create("idle", NOW);
        create("used", NOW);

        sessions.touch("used", NOW.plus(Duration.ofHours(11)), NOW.plus(Duration.ofHours(23)));

        assertTrue(sessions.find("idle", NOW.plus(IDLE).minusSeconds(1)).isPresent());
        assertTrue(sessions.find("idle", NOW.plus(IDLE)).isEmpty());
        StoredAdminSession used = sessions.find("used", NOW.plus(IDLE)).orElseThrow();
        assertEquals(NOW.plus(Duration.ofHours(11)), used.lastSeenAt());
        assertTrue(sessions.find("used", NOW.plus(Duration.ofHours(23))).isEmpty());
    }

    @Test
    void touchingAnExpiredSessionDoesNotBringItBack() {
        create("idle", NOW);

        sessions.touch("idle", NOW.plus(IDLE), NOW.plus(IDLE).plus(IDLE));

        assertTrue(sessions.find("idle", NOW.plus(IDLE).plusSeconds(1)).isEmpty());
    }

    @Test
    void deletingEndsTheSessionAndNoOther() {
        create("session-a", NOW);
        create("session-b", NOW);

        sessions.delete("session-a");

        assertTrue(sessions.find("session-a", NOW).isEmpty());
        assertTrue(sessions.find("session-b", NOW).isPresent());
    }

    @Test
    void creatingASessionPurgesTheExpiredOnes() {
        create("old", NOW);
        create("recent", NOW.plus(Duration.ofHours(6)));

        create("new", NOW.plus(IDLE));

        assertEquals(List.of(AdminSessionStore.hash("new"), AdminSessionStore.hash("recent")).stream().sorted().toList(),
                column("SELECT id_hash FROM admin_sessions ORDER BY id_hash"));
    }

    @Test
    void aNoticeShowsOnceAndANewerOneIsKept() {
        create("session-a", NOW);
        sessions.leaveNotice("session-a", "Added feed Le Monde.");
        String first = sessions.find("session-a", NOW).orElseThrow().notice();

        sessions.leaveNotice("session-a", "Removed feed Le Monde.");
        sessions.takeNotice("session-a", first);
        String second = sessions.find("session-a", NOW).orElseThrow().notice();
        sessions.takeNotice("session-a", second);

        assertEquals("Added feed Le Monde.", first);
        assertEquals("Removed feed Le Monde.", second);
        assertNull(sessions.find("session-a", NOW).orElseThrow().notice());
    }

    @Test
    void aSessionCreatedThroughOneDatabaseIsFoundThroughAnother() {
        create("session-a", NOW);

        try (Database other = TestDatabase.open(dir)) {
            AdminSessionStore elsewhere = new AdminSessionStore(other);

            assertEquals("csrf-session-a", elsewhere.find("session-a", NOW).orElseThrow().csrf());
            elsewhere.delete("session-a");
        }
        assertTrue(sessions.find("session-a", NOW).isEmpty());
    }

    private List<String> column(String sql) {
        return db.query("read a column", c -> {
            List<String> values = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        });
    }
}
