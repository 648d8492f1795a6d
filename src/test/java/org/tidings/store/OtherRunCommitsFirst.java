package org.tidings.store;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.api.Trigger;
import org.tidings.TestDatabase;

/**
 * Stages, without timing, the race that a unique key settles: the next time a run inserts into a
 * table, another run's work goes first and commits on a connection of its own. The inserting run
 * then meets a committed row that its own lookup, a moment earlier, did not see, exactly as when
 * two runs store the same rows at once and one commits in between the other's read and write.
 * An H2 trigger, so the stores under test run unchanged.
 */
public final class OtherRunCommitsFirst implements Trigger {
    private static final AtomicReference<Runnable> OTHER_RUN = new AtomicReference<>();
    private static final AtomicInteger RACES = new AtomicInteger();

    /** @param otherRun stores the conflicting rows through the real stores; it runs once */
    static void beforeNextInsertInto(Database db, String table, Runnable otherRun) {
        assumeFalse(TestDatabase.onPostgres(), "the race is staged by an H2 trigger, which PostgreSQL cannot run");
        OTHER_RUN.set(otherRun);
        RACES.set(0);
        db.query("stage a race on " + table, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER IF NOT EXISTS race_on_" + table + " BEFORE INSERT ON " + table
                        + " FOR EACH ROW CALL \"" + OtherRunCommitsFirst.class.getName() + "\"");
            }
            return null;
        });
    }

    /** How many times the other run went first since the race was staged: 1 once it has. */
    static int races() {
        return RACES.get();
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) {
        Runnable other = OTHER_RUN.getAndSet(null);
        if (other != null) {
            RACES.incrementAndGet();
            other.run();
        }
    }
}
