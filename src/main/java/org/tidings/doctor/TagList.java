package org.tidings.doctor;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code tag=value; tag=value} syntax of DKIM key records (RFC 6376 section 3.2) and DMARC
 * records (RFC 7489 section 6.4). Lenient: a part without '=' is skipped, a repeated tag keeps its
 * first value; the checks decide what a missing tag means.
 */
final class TagList {
    /** No real record has this many tags; a hostile one is cut here. */
    private static final int MAX_TAGS = 32;

    private TagList() {
    }

    /** Tag names lower-cased, values stripped, in record order. */
    static Map<String, String> parse(String record) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : record.split(";", MAX_TAGS + 1)) {
            int eq = part.indexOf('=');
            if (eq > 0 && tags.size() < MAX_TAGS) {
                tags.putIfAbsent(part.substring(0, eq).strip().toLowerCase(Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        return tags;
    }

    /** Whether the first tag is {@code v} with this value, as both RFCs require of a record's version. */
    static boolean startsWithVersion(Map<String, String> tags, String version) {
        var first = tags.entrySet().stream().findFirst();
        return first.isPresent() && first.get().getKey().equals("v") && first.get().getValue().equalsIgnoreCase(version);
    }
}
