package org.tidings.parse.urls;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Makes feed URLs absolute, leniently (real feeds contain spaces, unescaped characters...).
 * Thread-safe, static. Follows the WHATWG URL rules where {@link java.net.URI} is stricter
 * (unescaped characters, backslashes, extra slashes after "http:") or older (RFC 2396 resolution
 * of "?query" and "../" above the root).
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
        if (ref == null) {
            return null;
        }
        String text = LenientUrlText.strip(ref);
        if (text.isEmpty()) {
            return null;
        }
        String scheme = LenientUrlText.scheme(text);
        if (scheme != null) {
            String rest = text.substring(scheme.length() + 1);
            if (scheme.equals("mailto")) {
                return parse("mailto:" + LenientUrlText.escape(rest, false));
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            // Browsers read "http:/x", "http:x" and "http:\\x" as "http://x".
            return absolute(scheme, rest, LenientUrlText.countSlashes(rest, 0));
        }
        if (LenientUrlText.countSlashes(text, 0) >= 2) {
            return absolute(webScheme(base), text, LenientUrlText.countSlashes(text, 0));
        }
        return relative(base, text);
    }

    private static String webScheme(URI base) {
        String scheme = base == null ? null : base.getScheme();
        return "http".equalsIgnoreCase(scheme) ? "http" : "https";
    }

    /** Builds scheme://authority/path?query#fragment from {@code rest} after its leading slashes. */
    private static URI absolute(String scheme, String rest, int slashes) {
        int authorityEnd = LenientUrlText.authorityEnd(rest, slashes);
        String host = hostAndPort(rest.substring(slashes, authorityEnd));
        if (host == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(rest.length() + 16).append(scheme).append("://").append(host);
        if (authorityEnd == rest.length() || rest.charAt(authorityEnd) != '/' && rest.charAt(authorityEnd) != '\\') {
            url.append('/');
        }
        url.append(LenientUrlText.escape(rest.substring(authorityEnd), true));
        return webUri(parse(url.toString()));
    }

    /**
     * Lower-cased ASCII host (IDN converted) with its port; null when it is not a plausible host.
     * User info is dropped: in a feed it only ever serves to disguise the real host.
     */
    private static String hostAndPort(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.startsWith("[") ? hostPort.indexOf(':', hostPort.indexOf(']')) : hostPort.lastIndexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        String port = colon < 0 ? "" : hostPort.substring(colon + 1);
        if (!port.isEmpty() && (port.length() > 5 || !isDigits(port))) {
            return null;
        }
        String asciiHost = LenientUrlText.isIpv6Literal(host) ? host : asciiHost(host);
        if (asciiHost == null) {
            return null;
        }
        return port.isEmpty() ? asciiHost : asciiHost + ':' + port;
    }

    private static String asciiHost(String host) {
        if (isPlainAsciiHost(host)) {
            // IDN.toASCII would return it unchanged: it only converts non-ASCII labels and rejects
            // empty or overlong ones, which isPlainAsciiHost has ruled out.
            return host;
        }
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(java.util.Locale.ROOT);
            return LenientUrlText.isHostName(ascii) ? ascii : null;
        } catch (IllegalArgumentException notAHost) {
            return null;
        }
    }

    /** Lower-case host name characters in labels of 1 to 63 characters, without a trailing dot. */
    private static boolean isPlainAsciiHost(String host) {
        int labelStart = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (i == labelStart || i - labelStart > 63) {
                    return false;
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return host.length() > labelStart && host.length() - labelStart <= 63;
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static URI relative(URI base, String text) {
        if (base == null || !base.isAbsolute() || base.isOpaque()) {
            return null;
        }
        if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
            // java.net.URI would glue "x" to "http://host" as "http://hostx".
            base = parse(base.getScheme() + "://" + base.getRawAuthority() + "/");
            if (base == null) {
                return null;
            }
        }
        String escaped = LenientUrlText.escape(text, true);
        if (escaped.startsWith("?")) {
            // RFC 3986 keeps the base path for a query-only reference; java.net.URI drops its last segment.
            return webUri(parse(base.getScheme() + "://" + base.getRawAuthority() + base.getRawPath() + escaped));
        }
        if (LenientUrlText.colonInFirstSegment(escaped)) {
            escaped = "./" + escaped;
        }
        if (!escaped.startsWith("#") && isPlainAuthority(base)) {
            // What base.resolve(ref) computes (RFC 2396 5.2: the base directory, or the root for
            // "/path"; webUri removes dot segments), as one string parsed once.
            String path = base.getRawPath();
            String directory = escaped.startsWith("/") ? "" : path.substring(0, path.lastIndexOf('/') + 1);
            return webUri(parse(base.getScheme() + "://" + base.getRawAuthority() + directory + escaped));
        }
        URI ref = parse(escaped);
        return ref == null ? null : webUri(base.resolve(ref));
    }

    /**
     * True when the raw authority reads as base.resolve() would write it: a bare host, without
     * user info or a port that URI would print differently ("host:", "host:080").
     */
    private static boolean isPlainAuthority(URI base) {
        return base.getPort() == -1 && base.getHost() != null && base.getHost().equals(base.getRawAuthority());
    }

    /** Keeps only http(s) URIs with a host, and drops "/.." segments above the root (RFC 3986 5.2.4). */
    private static URI webUri(URI uri) {
        if (uri == null || uri.isOpaque() || uri.getRawAuthority() == null) {
            return null;
        }
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return null;
        }
        URI normal = uri.normalize();
        String path = normal.getRawPath();
        if (path.startsWith("/../") || path.equals("/..")) {
            String cleanPath = path;
            while (cleanPath.startsWith("/../")) {
                cleanPath = cleanPath.substring(3);
            }
            if (cleanPath.equals("/..")) {
                cleanPath = "/";
            }
            String raw = normal.toString();
            int pathStart = scheme.length() + 3 + normal.getRawAuthority().length();
            normal = parse(raw.substring(0, pathStart) + cleanPath + raw.substring(pathStart + path.length()));
        }
        return normal;
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException stillInvalid) {
            return null;
        }
    }
}
