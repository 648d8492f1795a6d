package org.tidings.parse;

import java.net.URI;

/**
 * Makes feed URLs absolute, leniently (real feeds contain spaces, unescaped characters...).
 * (Skeleton: to be implemented.)
 */
public final class UrlResolver {
    private UrlResolver() {
    }

    /**
     * @return {@code ref} resolved against {@code base}, or null when ref is null/blank or cannot
     *     be made into an absolute http(s) URL (also null for javascript:, data: and other schemes,
     *     except mailto: which is kept)
     */
    public static URI resolve(URI base, String ref) {
        throw new UnsupportedOperationException("todo");
    }
}
