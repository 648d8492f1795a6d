package org.tidings.parse.text;

import java.util.Locale;

/**
 * One pass over an HTML fragment that keeps only its text: tags, comments and the content of
 * script-like elements go, block elements separate words, character references are decoded.
 * A '<' that does not start a tag stays text, so "x < y" and "I <3 feeds" survive. Roughly what
 * a browser shows, for a few microseconds per item rather than a DOM parse.
 */
final class MarkupStripper {
    private MarkupStripper() {
    }

    /** Appends the text of {@code html} to {@code out}, stopping once out is longer than {@code limit}. */
    static void appendText(String html, int limit, CollapsedText out) {
        int i = 0;
        int n = html.length();
        while (i < n && out.length() <= limit) {
            char c = html.charAt(i);
            int next = i;
            if (c == '<') {
                next = skipMarkup(html, i, out);
            } else if (c == '&') {
                next = CharacterReferences.decode(html, i, out);
            }
            if (next == i) {
                out.append(c);
                next = i + 1;
            }
            i = next;
        }
    }

    /** @return the index after the markup at {@code lt}, or {@code lt} when it is no markup */
    private static int skipMarkup(String html, int lt, CollapsedText out) {
        if (html.startsWith("<!--", lt)) {
            return after(html, "-->", lt + 4);
        }
        if (html.startsWith("<![CDATA[", lt)) {
            int end = html.indexOf("]]>", lt + 9);
            out.append(html.substring(lt + 9, end < 0 ? html.length() : end));
            return end < 0 ? html.length() : end + 3;
        }
        char next = lt + 1 < html.length() ? html.charAt(lt + 1) : ' ';
        if (next == '!' || next == '?') {
            int gt = html.indexOf('>', lt);
            return gt < 0 ? lt : gt + 1;
        }
        boolean endTag = next == '/';
        int nameStart = endTag ? lt + 2 : lt + 1;
        if (nameStart >= html.length() || !isAsciiLetter(html.charAt(nameStart))) {
            return lt;
        }
        int nameEnd = nameStart + 1;
        while (nameEnd < html.length() && isNameChar(html.charAt(nameEnd))) {
            nameEnd++;
        }
        int tagEnd = tagEnd(html, nameEnd);
        if (tagEnd < 0) {
            return lt;
        }
        String name = html.substring(nameStart, nameEnd).toLowerCase(Locale.ROOT);
        if (isBlock(name)) {
            out.breakWord();
        }
        if (!endTag && hidesContent(name)) {
            out.breakWord();
            return skipElementContent(html, name, tagEnd);
        }
        return tagEnd;
    }

    /** The index after the '>' closing a tag, skipping quoted attribute values; -1 if unclosed. */
    private static int tagEnd(String html, int from) {
        char previous = ' ';
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if ((c == '"' || c == '\'') && previous == '=') {
                int close = html.indexOf(c, i + 1);
                if (close < 0) {
                    return -1;
                }
                i = close;
            }
            if (c > ' ') {
                previous = c;
            }
        }
        return -1;
    }

    private static int skipElementContent(String html, String name, int from) {
        for (int i = html.indexOf("</", from); i >= 0; i = html.indexOf("</", i + 2)) {
            if (html.regionMatches(true, i + 2, name, 0, name.length())) {
                return after(html, ">", i + 2);
            }
        }
        return html.length();
    }

    private static int after(String html, String terminator, int from) {
        int end = html.indexOf(terminator, from);
        return end < 0 ? html.length() : end + terminator.length();
    }

    /** Elements whose content a reader never sees as text. */
    private static boolean hidesContent(String name) {
        switch (name) {
            case "script": case "style": case "template": case "noscript": case "iframe": case "object":
            case "textarea": case "title": case "svg": case "math": case "video": case "audio":
            case "noembed": case "noframes": case "select": case "button":
                return true;
            default:
                return false;
        }
    }

    /** Elements whose edges separate words ("<p>a</p><p>b</p>" reads "a b", "<b>a</b>b" reads "ab"). */
    private static boolean isBlock(String name) {
        switch (name) {
            case "p": case "div": case "br": case "hr": case "li": case "ul": case "ol": case "dl": case "dt":
            case "dd": case "h1": case "h2": case "h3": case "h4": case "h5": case "h6": case "blockquote":
            case "pre": case "table": case "caption": case "thead": case "tbody": case "tfoot": case "tr":
            case "td": case "th": case "section": case "article": case "aside": case "header": case "footer":
            case "nav": case "main": case "figure": case "figcaption": case "address": case "details":
            case "summary": case "img": case "picture": case "form": case "fieldset": case "legend":
            case "option": case "center":
                return true;
            default:
                return false;
        }
    }

    private static boolean isNameChar(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9' || c == '-' || c == ':';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
