package org.tidings.parse;

import java.util.Locale;
import java.util.Set;

/**
 * Decides what a decoded document is from its content alone; Content-Type headers are too often
 * wrong (text/html feeds, application/octet-stream, text/xml pages) to be trusted.
 */
final class FormatSniffer {
    /** How far into a page that does not start with markup we look for signs of HTML. */
    private static final int HTML_LOOK_AHEAD = 2048;

    /** Elements a sloppy page may start with when it has no html element. */
    private static final Set<String> HTML_ROOTS = Set.of("html", "head", "body", "meta", "title", "link", "script");

    enum Kind { JSON, XML_FEED, HTML, HOSTILE_DOCTYPE, UNKNOWN }

    /**
     * @param rootStart offset of the root element's '<' for XML, where the parser should start:
     *     the prolog (XML declaration, comments, a DOCTYPE without internal subset) is dropped
     * @param rootName the root element's qualified name, or null
     */
    record Sniff(Kind kind, int rootStart, String rootName) {
    }

    private FormatSniffer() {
    }

    static Sniff sniff(String text) {
        int i = skipSpace(text, 0);
        if (i < text.length() && text.charAt(i) == '{') {
            return new Sniff(Kind.JSON, i, null);
        }
        String doctypeName = null;
        while (i < text.length() && text.charAt(i) == '<') {
            if (text.startsWith("<?", i)) {
                i = skipPast(text, i, "?>");
            } else if (text.startsWith("<!--", i)) {
                i = skipPast(text, i, "-->");
            } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                Doctype doctype = Doctype.read(text, i);
                if (doctype.internalSubset()) {
                    return new Sniff(Kind.HOSTILE_DOCTYPE, i, null);
                }
                doctypeName = doctype.name();
                i = doctype.end();
            } else {
                return root(text, i, doctypeName);
            }
            i = skipSpace(text, i);
        }
        return new Sniff(looksLikeHtml(text) ? Kind.HTML : Kind.UNKNOWN, i, null);
    }

    private static Sniff root(String text, int start, String doctypeName) {
        int end = start + 1;
        while (end < text.length() && !isNameEnd(text.charAt(end))) {
            end++;
        }
        String name = text.substring(start + 1, end);
        String local = name.substring(name.indexOf(':') + 1);
        if (local.equals("rss") || local.equals("RDF") || local.equals("feed")) {
            return new Sniff(Kind.XML_FEED, start, name);
        }
        boolean html = "html".equalsIgnoreCase(doctypeName) || HTML_ROOTS.contains(local.toLowerCase(Locale.ROOT));
        return new Sniff(html ? Kind.HTML : Kind.UNKNOWN, start, name);
    }

    /** Pages with leading text still have one of these near the top. */
    private static boolean looksLikeHtml(String text) {
        String head = text.substring(0, Math.min(text.length(), HTML_LOOK_AHEAD)).toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<head") || head.contains("<body");
    }

    private static boolean isNameEnd(char c) {
        return c == '>' || c == '/' || Character.isWhitespace(c);
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static int skipPast(String text, int from, String terminator) {
        int end = text.indexOf(terminator, from);
        return end < 0 ? text.length() : end + terminator.length();
    }

    /** A DOCTYPE declaration; {@code internalSubset} means it may declare entities. */
    private record Doctype(String name, boolean internalSubset, int end) {
        static Doctype read(String text, int start) {
            int i = skipSpace(text, start + "<!DOCTYPE".length());
            int nameStart = i;
            while (i < text.length() && !isNameEnd(text.charAt(i)) && text.charAt(i) != '[') {
                i++;
            }
            String name = text.substring(nameStart, i);
            char quote = 0;
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quote != 0) {
                    quote = c == quote ? 0 : quote;
                } else if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '[') {
                    return new Doctype(name, true, i);
                } else if (c == '>') {
                    return new Doctype(name, false, i + 1);
                }
            }
            return new Doctype(name, false, text.length());
        }
    }
}
