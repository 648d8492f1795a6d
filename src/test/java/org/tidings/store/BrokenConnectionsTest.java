package org.tidings.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Which H2 failures make the pool drop a connection, on real H2 exceptions. */
class BrokenConnectionsTest {
    private final BrokenConnections adjudicator = new BrokenConnections();

    @Test
    void evictsAConnectionWhoseDatabaseWasClosedUnderIt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:broken")) {
            try (Statement st = c.createStatement()) {
                st.execute("SHUTDOWN");
            } catch (SQLException closing) {
                // SHUTDOWN may already report the database closed.
            }
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT 1"));

            assertEquals(Override.MUST_EVICT, adjudicator.adjudicate(e));
        }
    }

    @Test
    void leavesOrdinaryQueryErrorsToHikari() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:")) {
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().executeQuery("SELECT nope"));

            assertEquals(Override.CONTINUE_EVICT, adjudicator.adjudicate(e));
        }
    }
}
