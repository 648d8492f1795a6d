package org.tidings.web.pages;

import java.util.List;
import org.tidings.model.Subscriber;

/**
 * The preferences page's values: the subscriber's name and categories (none checked means every
 * category), with what went wrong or a "saved" note.
 *
 * @param error what is wrong with the input, or null
 * @param saved the page follows a successful save
 */
record PreferencesForm(String token, String email, String status, boolean active, String name,
        List<CategoryChoice> categories, boolean hasCategories, String error, boolean saved) {

    static PreferencesForm of(Subscriber s, List<String> known) {
        return new PreferencesForm(s.token(), s.email().value(), s.status().code(),
                s.status() == org.tidings.model.SubscriberStatus.ACTIVE, s.name() == null ? "" : s.name(),
                CategoryChoice.of(known, s.categories()), !known.isEmpty(), null, false);
    }

    PreferencesForm with(String newName, List<String> chosen) {
        List<String> known = categories.stream().map(CategoryChoice::name).toList();
        return new PreferencesForm(token, email, status, active, newName, CategoryChoice.of(known, chosen),
                hasCategories, error, saved);
    }

    PreferencesForm withError(String message) {
        return new PreferencesForm(token, email, status, active, name, categories, hasCategories, message, false);
    }

    PreferencesForm afterSave() {
        return new PreferencesForm(token, email, status, active, name, categories, hasCategories, null, true);
    }
}
