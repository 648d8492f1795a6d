package org.tidings.store;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Every {@link Query} declared in the store package, and the database's plan for each. */
final class QueryPlans {
    private QueryPlans() {
    }

    /** Found by reflection over the package's compiled classes, so a new query cannot be left out. */
    static List<Query> all() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path dir = Path.of(Query.class.getResource("Query.class").toURI()).getParent();
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> classes = Files.list(dir)) {
            for (Path file : classes.filter(p -> p.toString().endsWith(".class")).sorted().toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName(Query.class.getPackageName() + "." + name);
                for (Field f : type.getDeclaredFields()) {
                    if (f.getType() == Query.class && Modifier.isStatic(f.getModifiers())) {
                        f.setAccessible(true);
                        queries.add((Query) f.get(null));
                    }
                }
            }
        }
        return queries;
    }

    /** The first column of every index, by index name, as H2 writes them in plans. */
    static Map<String, String> leadingColumns(Connection c) throws SQLException {
        Map<String, String> first = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT index_name, column_name"
                + " FROM information_schema.index_columns WHERE ordinal_position = 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                first.put(rs.getString(1), rs.getString(2));
            }
        }
        return first;
    }

    /** The plan the database chooses for {@code q} with its sample parameters. */
    static String explain(Connection c, Query q) throws SQLException {
        int listSize = q.sample().stream().filter(List.class::isInstance).mapToInt(v -> ((List<?>) v).size())
                .findFirst().orElse(0);
        String sql = listSize == 0 ? q.sql() : q.sql(listSize);
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            int i = 1;
            for (Object value : q.sample()) {
                for (Object v : value instanceof List<?> list ? list : List.of(value)) {
                    if (v instanceof Instant t) {
                        Sql.setInstant(ps, i++, t);
                    } else {
                        ps.setObject(i++, v);
                    }
                }
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }
}
