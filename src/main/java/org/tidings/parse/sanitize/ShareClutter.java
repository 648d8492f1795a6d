package org.tidings.parse.sanitize;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recognizes share buttons that blog engines and feed services append to feed content: links to
 * share endpoints, and the containers (FeedBurner "feedflare", WordPress "sharedaddy", theme
 * "share"/"social" boxes) that hold them. In a newsletter they are noise, and they track.
 */
final class ShareClutter {
    /** Host and path prefixes of share endpoints, after the scheme and a "www."/"m." prefix. */
    private static final List<String> SHARE_ENDPOINTS = List.of(
            "facebook.com/sharer", "facebook.com/share.php", "facebook.com/dialog/share",
            "facebook.com/dialog/feed", "twitter.com/intent/tweet", "twitter.com/share",
            "twitter.com/home?status", "x.com/intent", "x.com/share", "linkedin.com/sharearticle",
            "linkedin.com/cws/share", "linkedin.com/sharing/share-offsite", "pinterest.com/pin/create",
            "reddit.com/submit", "api.whatsapp.com/send", "wa.me/", "t.me/share", "telegram.me/share",
            "tumblr.com/share", "tumblr.com/widgets/share", "vk.com/share.php", "getpocket.com/save",
            "getpocket.com/edit", "bufferapp.com/add", "buffer.com/add", "news.ycombinator.com/submitlink",
            "plus.google.com/share", "addtoany.com/add_to", "addtoany.com/share", "bsky.app/intent/compose",
            "threads.net/intent/post", "digg.com/submit", "mix.com/add", "feeds.feedburner.com/~ff/",
            "feeds.feedburner.com/~a/");
    /** Words of class names that mark share containers ("sharedaddy", "share-buttons", "a2a_kit"). */
    private static final Set<String> CLUTTER_CLASS_WORDS = Set.of(
            "share", "shares", "sharing", "sharedaddy", "sharethis", "social", "socials", "sociable",
            "feedflare", "addtoany", "a2a", "shariff");

    private ShareClutter() {
    }

    static boolean isShareLink(String href) {
        if (href == null) {
            return false;
        }
        String url = href.trim().toLowerCase(Locale.ROOT);
        // Jetpack's own share links ("?share=twitter") and "email this" links ("mailto:?body=...").
        if (url.contains("?share=") || url.contains("&share=") || url.startsWith("mailto:?")) {
            return true;
        }
        int slashes = url.indexOf("//");
        if (slashes < 0 || slashes > 6) {
            return false;
        }
        String hostAndPath = withoutSubdomain(url.substring(slashes + 2));
        for (String endpoint : SHARE_ENDPOINTS) {
            if (hostAndPath.startsWith(endpoint)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutSubdomain(String hostAndPath) {
        for (String prefix : List.of("www.", "m.", "mobile.", "web.")) {
            if (hostAndPath.startsWith(prefix)) {
                return hostAndPath.substring(prefix.length());
            }
        }
        return hostAndPath;
    }

    /** True when a word of the class attribute (split at spaces, '-' and '_') marks a share box. */
    static boolean isClutterClass(String classes) {
        if (classes == null || classes.isEmpty()) {
            return false;
        }
        int start = 0;
        for (int i = 0; i <= classes.length(); i++) {
            if (i == classes.length() || !Character.isLetterOrDigit(classes.charAt(i))) {
                if (i > start && CLUTTER_CLASS_WORDS.contains(classes.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }
}
