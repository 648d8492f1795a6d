package org.tidings.parse.text;

/**
 * Plain text from feed strings: titles and summaries. Thread-safe, static.
 */
public final class PlainText {
    private static final char ELLIPSIS = '\u2026';

    private PlainText() {
    }

    /** Entities decoded, markup stripped, whitespace collapsed and trimmed; "" for null. */
    public static String title(String raw) {
        if (raw == null) {
            return "";
        }
        if (raw.indexOf('<') < 0 && raw.indexOf('&') < 0) {
            return isCollapsed(raw) ? raw : collapse(raw);
        }
        CollapsedText text = new CollapsedText(raw.length());
        MarkupStripper.appendText(raw, Integer.MAX_VALUE, text);
        return text.toString();
    }

    /**
     * Plain-text summary of an HTML (or plain) fragment: text only, whitespace collapsed, at most
     * {@code maxChars} characters, cut at a word boundary with an ellipsis when cut; "" for null.
     */
    public static String summary(String html, int maxChars) {
        if (html == null || maxChars <= 0) {
            return "";
        }
        CollapsedText text = new CollapsedText((int) Math.min(html.length(), maxChars + 16L));
        // Reading one character past the limit tells "exactly maxChars" from "cut".
        MarkupStripper.appendText(html, maxChars, text);
        String full = text.toString();
        return full.length() <= maxChars ? full : cut(full, maxChars);
    }

    /** At most maxChars characters ending on a word boundary, then "…" (so at most maxChars + 1). */
    private static String cut(String text, int maxChars) {
        int end = text.lastIndexOf(' ', maxChars);
        if (end <= 0) {
            // One word longer than the limit: cut inside it, but never between a surrogate pair.
            end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        }
        while (end > 0 && isTrailingPunctuation(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /** Punctuation that reads badly right before an ellipsis ("word,…"). */
    private static boolean isTrailingPunctuation(char c) {
        return c == ' ' || c == ',' || c == ';' || c == ':' || c == '-' || c == '\u2013' || c == '\u2014';
    }

    private static boolean isCollapsed(String raw) {
        if (raw.isEmpty()) {
            return true;
        }
        char previous = ' ';
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            boolean space = CollapsedText.isSpace(c);
            if (space && (c != ' ' || previous == ' ') || c == '\uFEFF') {
                return false;
            }
            previous = c;
        }
        return previous != ' ';
    }

    private static String collapse(String raw) {
        CollapsedText text = new CollapsedText(raw.length());
        text.append(raw);
        return text.toString();
    }
}
