package org.tidings.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** URLs typed by an admin, on the command line or in the web admin. */
public final class Urls {
    private Urls() {
    }

    /** An absolute http(s) URL, or an error that says what is wrong with it. */
    public static URI parse(String text) {
        try {
            URI u = new URI(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                throw new IllegalArgumentException("not an http or https URL: " + text);
            }
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + text + " (" + e.getReason() + ")");
        }
    }
}
