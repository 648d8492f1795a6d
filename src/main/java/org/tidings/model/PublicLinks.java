package org.tidings.model;

import java.net.URI;

/**
 * The public URLs that emails and pages link to, under {@code public.url}. The web issue serves
 * them; until then they are where it will.
 */
public record PublicLinks(URI base) {
    public URI archive(int issueNumber) {
        return resolve("archive/" + issueNumber);
    }

    /** The list of sent issues. */
    public URI archive() {
        return resolve("archive");
    }

    /** The Atom feed of sent issues. */
    public URI archiveFeed() {
        return resolve("archive.atom");
    }

    public URI unsubscribe(String token) {
        return resolve("unsubscribe/" + token);
    }

    public URI confirm(String token) {
        return resolve("confirm/" + token);
    }

    public URI preferences(String token) {
        return resolve("preferences/" + token);
    }

    public URI home() {
        return resolve("");
    }

    private URI resolve(String path) {
        String b = base.toString();
        return URI.create((b.endsWith("/") ? b : b + "/") + path);
    }
}
