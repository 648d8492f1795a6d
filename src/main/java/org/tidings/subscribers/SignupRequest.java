package org.tidings.subscribers;

import java.util.Arrays;
import java.util.List;

/**
 * A sign-up, from the CLI, an import or (later) the web form.
 *
 * @param email as typed; validated by the sign-up
 * @param confirmed the admin vouches for consent: active at once, no confirmation email
 */
public record SignupRequest(String email, String name, List<String> categories, boolean confirmed) {
    public SignupRequest {
        categories = List.copyOf(categories);
    }

    /** Categories as people type them in a CSV cell or a form field: "Presse; Sport" or "Presse,Sport". */
    public static List<String> categories(String typed) {
        return typed == null || typed.isBlank() ? List.of() : Arrays.asList(typed.split("[;,]"));
    }
}
