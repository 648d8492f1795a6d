package org.tidings.store;

import java.util.List;

/**
 * One SQL statement of a store, named, with sample parameters. Every statement that reads or
 * filters rows is declared as a {@code static final Query} in its store, and {@code QueryPlanTest}
 * finds them all by reflection and asks the database for each plan on a database with many rows:
 * a query that scans or sorts a large table in full fails there, before it reaches a user.
 *
 * @param sql may hold the list marker {@link #LIST} once, expanded by {@link #sql(int)}
 * @param sample parameters for the plan test, in order; a list marker counts as one {@code List}
 */
record Query(String name, String sql, List<Object> sample) {
    /** Stands for a list of {@code ?} of a size known only when the statement runs. */
    static final String LIST = "(?...)";

    static Query of(String name, String sql, Object... sample) {
        return new Query(name, sql, List.of(sample));
    }

    /** The statement with its list marker made {@code size} parameters. */
    String sql(int size) {
        if (size < 1) {
            throw new IllegalArgumentException(name + ": an empty list has no SQL");
        }
        return sql.replace(LIST, "(" + "?,".repeat(size - 1) + "?)");
    }
}
