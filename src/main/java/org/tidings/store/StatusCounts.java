package org.tidings.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/** Rows of a table by their status column, for the stores' status summaries. */
final class StatusCounts {
    private StatusCounts() {
    }

    /** @param table one of our table names, never user input */
    static Query query(String table) {
        return Query.of(table + " by status", "SELECT status, COUNT(*) FROM " + table + " GROUP BY status");
    }

    /**
     * @param q made by {@link #query}
     * @return every status of {@code type}, a status no row has counting 0
     */
    static <E extends Enum<E>> Map<E, Long> of(Connection c, Query q, Class<E> type,
            Function<String, E> fromCode) throws SQLException {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E status : type.getEnumConstants()) {
            counts.put(status, 0L);
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(q.sql())) {
            while (rs.next()) {
                counts.put(fromCode.apply(rs.getString(1)), rs.getLong(2));
            }
        }
        return counts;
    }
}
