package org.tidings.parse;

/**
 * A person's name from the ways feeds write one: RSS 2.0 wants "jane@example.com (Jane Doe)", mail
 * headers taught others "Jane Doe &lt;jane@example.com&gt;", many write just the name.
 */
final class AuthorName {
    private AuthorName() {
    }

    /** @return the name when one is given, else the text as written; null for null */
    static String of(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.trim();
        int open = text.indexOf('(');
        if (open > 0 && text.endsWith(")") && text.substring(0, open).contains("@")) {
            return text.substring(open + 1, text.length() - 1).trim();
        }
        int angle = text.indexOf('<');
        if (angle > 0 && text.endsWith(">") && text.substring(angle).contains("@")) {
            return text.substring(0, angle).trim().replaceAll("^\"|\"$", "");
        }
        return text;
    }
}
