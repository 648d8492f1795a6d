package org.tidings.parse;

/**
 * Plain text from feed strings: titles and summaries. Thread-safe, static.
 * (Skeleton: to be implemented.)
 */
public final class PlainText {
    private PlainText() {
    }

    /** Entities decoded, markup stripped, whitespace collapsed and trimmed; "" for null. */
    public static String title(String raw) {
        throw new UnsupportedOperationException("todo");
    }

    /**
     * Plain-text summary of an HTML (or plain) fragment: text only, whitespace collapsed, at most
     * {@code maxChars} characters, cut at a word boundary with an ellipsis when cut; "" for null.
     */
    public static String summary(String html, int maxChars) {
        throw new UnsupportedOperationException("todo");
    }
}
