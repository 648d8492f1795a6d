package org.tidings.parse.text;

/** Plain text (Atom type="text", JSON Feed content_text and titles) made safe to treat as HTML. */
public final class PlainToHtml {
    private PlainToHtml() {
    }

    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Blank lines separate paragraphs; single line breaks are kept as breaks. */
    public static String paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (String paragraph : text.strip().split("\\r?\\n\\s*\\r?\\n")) {
            out.append("<p>").append(escape(paragraph.strip()).replaceAll("\\r?\\n", "<br>")).append("</p>");
        }
        return out.toString();
    }
}
