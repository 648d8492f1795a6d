package org.tidings.store;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column conversions shared by the stores: instants as UTC timestamps, URIs as text. */
final class Sql {
    private Sql() {
    }

    static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, t.atOffset(ZoneOffset.UTC));
        }
    }

    /** Sets the statement's parameters in order; instants as {@link #setInstant} does. */
    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Instant t) {
                setInstant(ps, i + 1, t);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    /** Runs one statement of {@code q} with these parameters; how many rows it changed. */
    static int update(Connection c, Query q, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(q.sql())) {
            bind(ps, values);
            return ps.executeUpdate();
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return instant(rs, rs.findColumn(column));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static URI uri(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : URI.create(s);
    }

    static String text(URI u) {
        return u == null ? null : u.toString();
    }

    /** Cuts a string to a column's size without splitting a surrogate pair. */
    static String fit(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
