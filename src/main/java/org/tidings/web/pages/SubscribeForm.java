package org.tidings.web.pages;

import io.javalin.http.Context;
import java.util.List;

/**
 * The sign-up form's values, as the page shows them: empty on the front page, refilled with what
 * was typed when it comes back with an error.
 *
 * @param error what is wrong with the input, or null
 */
record SubscribeForm(String email, String name, List<CategoryChoice> categories, boolean hasCategories, String error) {
    static final int MAX_NAME = 200;

    static SubscribeForm empty(List<String> known) {
        return filled(known, "", "", List.of());
    }

    static SubscribeForm filled(List<String> known, String email, String name, List<String> chosen) {
        return new SubscribeForm(email, name, CategoryChoice.of(known, chosen), !known.isEmpty(), null);
    }

    /** The form as posted. */
    static SubscribeForm read(Context ctx, List<String> known) {
        return filled(known, field(ctx, "email"), field(ctx, "name"), ctx.formParams("categories"));
    }

    SubscribeForm withError(String message) {
        return new SubscribeForm(email, name, categories, hasCategories, message);
    }

    List<String> chosen() {
        return categories.stream().filter(CategoryChoice::checked).map(CategoryChoice::name).toList();
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.strip();
    }
}
