package org.tidings.parse.sanitize;

import java.util.List;
import java.util.Locale;

/**
 * Recognizes invisible images that exist only to report that the item was read: 1x1 or 0x0
 * pixels, hidden images, and images from known feed and mail trackers.
 */
final class TrackingPixels {
    private static final List<String> TRACKER_URL_PARTS = List.of(
            "feeds.feedburner.com/~r/", "feedproxy.google.com/~r/", "pixel.wp.com/", "stats.wordpress.com/",
            "google-analytics.com/collect", "google-analytics.com/__utm.gif", "pixel.quantserve.com/",
            "list-manage.com/track/open", "/wf/open?upn=");

    private TrackingPixels() {
    }

    /** @param attrs OWASP's alternating name/value list of an img tag */
    static boolean isTrackingPixel(List<String> attrs) {
        if (isTiny(ForwardingReceiver.attribute(attrs, "width"))
                && isTiny(ForwardingReceiver.attribute(attrs, "height"))) {
            return true;
        }
        String style = ForwardingReceiver.attribute(attrs, "style");
        if (style != null && style.replace(" ", "").toLowerCase(Locale.ROOT).contains("display:none")) {
            return true;
        }
        String src = ForwardingReceiver.attribute(attrs, "src");
        if (src == null) {
            return false;
        }
        String url = src.toLowerCase(Locale.ROOT);
        for (String part : TRACKER_URL_PARTS) {
            if (url.contains(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTiny(String size) {
        if (size == null) {
            return false;
        }
        String value = size.trim();
        return value.equals("0") || value.equals("1") || value.equals("0px") || value.equals("1px");
    }
}
