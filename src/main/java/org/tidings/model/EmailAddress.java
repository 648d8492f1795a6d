package org.tidings.model;

import java.util.Locale;

/**
 * A validated, normalized email address: trimmed and lower-cased, so that one mailbox is one
 * subscriber whatever case it was typed in. Only plain {@code local@domain} addresses are
 * accepted (no display names, quoted local parts or IP literals): that keeps every stored
 * address safe to put in a header.
 */
public record EmailAddress(String value) {
    private static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL = 64;
    private static final String LOCAL_CHARS = "!#$%&'*+-/=?^_`{|}~.";

    public EmailAddress {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid email address '" + value + "': " + problem);
        }
    }

    /** Trims and lower-cases, then validates; the message says what is wrong. */
    public static EmailAddress parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("missing email address");
        }
        return new EmailAddress(raw.strip().toLowerCase(Locale.ROOT));
    }

    public String localPart() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    public String domain() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }

    private static String problem(String v) {
        if (v == null || v.isEmpty()) {
            return "empty";
        }
        if (v.length() > MAX_LENGTH) {
            return "longer than " + MAX_LENGTH + " characters";
        }
        int at = v.lastIndexOf('@');
        if (at <= 0 || at == v.length() - 1 || v.indexOf('@') != at) {
            return "must look like name@example.org";
        }
        String local = v.substring(0, at);
        if (local.length() > MAX_LOCAL) {
            return "the part before @ is longer than " + MAX_LOCAL + " characters";
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || LOCAL_CHARS.indexOf(c) >= 0)) {
                return "character '" + printable(c) + "' is not allowed before @";
            }
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return "dots must separate words before @";
        }
        return domainProblem(v.substring(at + 1));
    }

    private static String domainProblem(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return "the domain needs a dot, as in example.org";
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return "'" + domain + "' is not a valid domain";
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                    return "character '" + printable(c) + "' is not allowed in the domain";
                }
            }
        }
        String tld = labels[labels.length - 1];
        return tld.length() >= 2 && !tld.chars().allMatch(Character::isDigit) ? null
                : "'" + domain + "' has no valid top-level domain";
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
