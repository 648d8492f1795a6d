package org.tidings.web.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.tidings.model.Feed;
import org.tidings.store.FeedStore;

/**
 * One checkbox of the categories a subscriber may choose, among the feeds' categories.
 *
 * @param id the input's id, for its label: an index, since a category may hold any character
 */
record CategoryChoice(String id, String name, boolean checked) {
    /** The feeds' categories, sorted, one spelling per category whatever its case. */
    static List<String> known(FeedStore feeds) {
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Feed f : feeds.list()) {
            if (f.category() != null && !f.category().isBlank()) {
                names.add(f.category().strip());
            }
        }
        return List.copyOf(names);
    }

    static List<CategoryChoice> of(List<String> known, List<String> chosen) {
        List<CategoryChoice> out = new ArrayList<>(known.size());
        for (int i = 0; i < known.size(); i++) {
            String name = known.get(i);
            out.add(new CategoryChoice("category-" + i, name, chosen.stream().anyMatch(name::equalsIgnoreCase)));
        }
        return out;
    }

    /** The chosen names as the known list spells them; empty when one is not known. */
    static Optional<List<String>> match(List<String> known, List<String> chosen) {
        List<String> out = new ArrayList<>(chosen.size());
        for (String c : chosen) {
            Optional<String> k = known.stream().filter(c.strip()::equalsIgnoreCase).findFirst();
            if (k.isEmpty()) {
                return Optional.empty();
            }
            if (!out.contains(k.get())) {
                out.add(k.get());
            }
        }
        return Optional.of(out);
    }
}
