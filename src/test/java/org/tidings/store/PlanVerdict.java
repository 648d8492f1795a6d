package org.tidings.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an H2 plan and says what in it costs the size of a large table rather than the size of
 * the answer: a full scan of articles, subscribers, deliveries or tombstones, an index walked
 * from its start under a filter, or a sort (an ORDER BY that no index delivers). Counts that an
 * index answers ({@code direct lookup}, {@code group sorted}) and a top-N read straight off an
 * index are fine.
 */
final class PlanVerdict {
    static final List<String> LARGE = List.of("articles", "subscribers", "deliveries", "deleted_articles",
            "mail_events");
    /** H2 writes each table's access path as a comment: the index, then ":" and its range, if any. */
    private static final Pattern ACCESS = Pattern.compile(
            "\"public\"\\.\"(\\w+)\"(?: \"\\w+\")?\\s*/\\* public\\.(\\w+(?:\\.tableScan)?)(:[^*]*)?");

    private final Map<String, String> leadingColumns;

    /** @param leadingColumns each index's first column, by index name: a range must start there */
    PlanVerdict(Map<String, String> leadingColumns) {
        this.leadingColumns = leadingColumns;
    }

    /** Empty when the plan is bounded, else why not. */
    Optional<String> of(String plan) {
        List<String> problems = new ArrayList<>();
        boolean large = false;
        Matcher m = ACCESS.matcher(plan);
        while (m.find()) {
            String table = m.group(1);
            if (!LARGE.contains(table)) {
                continue;
            }
            large = true;
            boolean ranged = m.group(3) != null && bounds(m.group(3), leadingColumns.get(m.group(2)));
            if (m.group(2).endsWith(".tableScan")) {
                problems.add("scans " + table + " in full");
            } else if (!ranged && !answeredByIndex(plan)) {
                problems.add("walks " + m.group(2) + " of " + table + " from its start"
                        + (plan.contains("\nWHERE ") ? " under a filter" : " without a limit"));
            }
        }
        if (large && plan.contains("\nORDER BY ") && !plan.contains("/* index sorted */")) {
            problems.add("sorts rows of a large table");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    /**
     * H2 lists every condition it checks in the index, also on later columns, which it can only
     * check entry by entry: a range needs a condition on the first column.
     */
    private static boolean bounds(String conditions, String leadingColumn) {
        return leadingColumn != null && Pattern.compile("(^|[\\s(:])" + leadingColumn + " (=|<|>|IN\\()")
                .matcher(conditions).find();
    }

    /** A count the index holds, or the first rows of an index with nothing to filter. */
    private static boolean answeredByIndex(String plan) {
        return plan.contains("/* direct lookup */") || plan.contains("/* group sorted */")
                || (plan.contains("/* index sorted */") && plan.contains("FETCH FIRST") && !plan.contains("\nWHERE "));
    }
}
