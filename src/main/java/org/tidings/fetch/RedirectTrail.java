package org.tidings.fetch;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The hops of one fetch. We follow redirects ourselves so that a feed's stored URL changes only
 * when every hop was permanent (301/308, RFC 9110 sections 15.4.2 and 15.4.9): one temporary hop
 * means the origin may still change its mind, so nothing after it counts as a move.
 */
final class RedirectTrail {
    static final int MAX_REDIRECTS = 5;

    private final URI start;
    private final Set<URI> seen = new HashSet<>();
    private URI current;
    private URI movedTo;
    private boolean allPermanent = true;
    private int redirects;

    RedirectTrail(URI start) {
        this.start = start;
        this.current = start;
        seen.add(start);
    }

    static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Why we will not request this URL, if we will not. */
    static Optional<String> problemWith(URI url) {
        if (url == null || url.getScheme() == null) {
            return Optional.of("malformed URL " + url + " (not absolute)");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("unsupported URL scheme " + scheme + " in " + url);
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            return Optional.of("malformed URL " + url + " (no host)");
        }
        return Optional.empty();
    }

    URI current() {
        return current;
    }

    /** The new permanent URL, or null when there was none or a hop was temporary. */
    URI movedTo() {
        return movedTo;
    }

    /** Moves on to the Location of a redirect response; says why not when it must not. */
    Optional<String> follow(int status, Optional<String> location) {
        if (location.isEmpty() || location.get().isBlank()) {
            return Optional.of("HTTP " + status + " redirect without Location from " + current);
        }
        URI next;
        try {
            next = base().resolve(location.get().trim());
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed redirect Location " + location.get() + " from " + current);
        }
        Optional<String> problem = problemWith(next).map(p -> "redirect to " + p);
        if (problem.isPresent()) {
            return problem;
        }
        if (++redirects > MAX_REDIRECTS) {
            return Optional.of("too many redirects (more than " + MAX_REDIRECTS + ") from " + start);
        }
        if (!seen.add(next)) {
            return Optional.of("redirect loop at " + next + " from " + start);
        }
        allPermanent &= status == 301 || status == 308;
        movedTo = allPermanent ? next : movedTo;
        current = next;
        return Optional.empty();
    }

    /** URI.resolve turns ("http://h", "a") into "http://ha"; an empty path is "/" (RFC 3986 5.2.3). */
    private URI base() {
        return current.getRawPath() == null || current.getRawPath().isEmpty() ? current.resolve("/") : current;
    }
}
