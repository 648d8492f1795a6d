package org.tidings.doctor;

import java.net.URI;
import java.util.Locale;

/**
 * public.url is what every link in a message starts with. RFC 8058 one-click unsubscribe requires an
 * https URL, and a link to this machine works for no recipient.
 */
final class PublicUrlCheck {
    private PublicUrlCheck() {
    }

    static Finding check(URI url) {
        String check = "public.url " + url;
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.") || host.equals("[::1]")) {
            return Finding.problem(check, "is this machine: the links in mail, unsubscribe included, work for no"
                    + " recipient", "set public.url to the https address people reach Tidings at");
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            return Finding.problem(check, "is not https: one-click unsubscribe (RFC 8058) needs an https link",
                    "serve Tidings behind https and set public.url=https://" + host
                            + java.util.Objects.toString(url.getRawPath(), ""));
        }
        return Finding.ok(check, "https, so List-Unsubscribe offers one-click unsubscribe");
    }
}
