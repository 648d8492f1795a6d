package org.tidings.web;

import java.net.URI;
import org.tidings.model.PublicLinks;

/**
 * What every page shows of the site: its name, and the path it lives under (empty at the root,
 * "/news" behind a proxy at https://example.org/news), so links work either way.
 */
public record Site(String name, String base) {
    /** The subscriber links of the emails, as paths on this site (the same paths, without the host). */
    public PublicLinks links() {
        return new PublicLinks(URI.create(base));
    }

    static Site of(String name, URI publicUrl) {
        String path = publicUrl.getPath() == null ? "" : publicUrl.getPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Site(name, path);
    }
}
