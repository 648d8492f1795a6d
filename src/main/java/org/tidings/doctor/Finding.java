package org.tidings.doctor;

import java.util.Locale;

/**
 * One line of the doctor's report.
 *
 * @param check what was checked, such as "SPF example.org"
 * @param detail what was found
 * @param fix what to change (the exact record to publish, the key to set), or null when nothing
 */
public record Finding(Severity severity, String check, String detail, String fix) {
    /** Text from DNS or a server is shown in a terminal: it must not carry escape sequences. */
    private static final int MAX_SHOWN = 2_000;

    public enum Severity {
        OK, WARNING, PROBLEM;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        check = printable(check);
        detail = printable(detail);
        fix = printable(fix);
    }

    static Finding ok(String check, String detail) {
        return new Finding(Severity.OK, check, detail, null);
    }

    static Finding warning(String check, String detail, String fix) {
        return new Finding(Severity.WARNING, check, detail, fix);
    }

    static Finding problem(String check, String detail, String fix) {
        return new Finding(Severity.PROBLEM, check, detail, fix);
    }

    private static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN));
        text.codePoints().limit(MAX_SHOWN).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.length() < text.length() ? out + "..." : out.toString();
    }
}
