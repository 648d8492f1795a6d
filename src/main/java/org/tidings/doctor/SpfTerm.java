package org.tidings.doctor;

import java.util.Locale;
import org.xbill.DNS.Address;

/**
 * One term of an SPF record (RFC 7208 section 4.6.1): a mechanism such as {@code ~ip4:192.0.2.0/24}
 * or {@code a:mail.example.org/28//64}, or a modifier such as {@code redirect=example.org}.
 *
 * @param name lower-cased mechanism or modifier name
 * @param domain the domain-spec, or null for the domain whose record holds the term
 * @param range the network of ip4 and ip6, else null
 * @param prefix4 the IPv4 prefix length of a and mx (32 when absent)
 * @param prefix6 the IPv6 prefix length of a and mx (128 when absent)
 */
record SpfTerm(String text, char qualifier, String name, boolean modifier, String domain, AddressRange range,
        int prefix4, int prefix6) {
    /** Null when the text is not a valid term; an unknown mechanism name parses and fails when evaluated. */
    static SpfTerm parse(String text) {
        int eq = text.indexOf('=');
        int mark = firstOf(text, 0);
        if (eq > 0 && (mark < 0 || eq < mark)) {
            String name = text.substring(0, eq).toLowerCase(Locale.ROOT);
            String value = domainOf(text.substring(eq + 1));
            boolean valid = name.matches("[a-z][a-z0-9._-]*") && (value != null || !name.equals("redirect"));
            return valid ? new SpfTerm(text, '+', name, true, value, null, 32, 128) : null;
        }
        boolean qualified = !text.isEmpty() && "+-~?".indexOf(text.charAt(0)) >= 0;
        char qualifier = qualified ? text.charAt(0) : '+';
        String rest = qualified ? text.substring(1) : text;
        int end = firstOf(rest, 0);
        String name = (end < 0 ? rest : rest.substring(0, end)).toLowerCase(Locale.ROOT);
        String arg = end < 0 ? "" : rest.substring(end);
        return name.isEmpty() ? null : mechanism(text, qualifier, name, arg);
    }

    private static SpfTerm mechanism(String text, char qualifier, String name, String arg) {
        return switch (name) {
            case "all" -> arg.isEmpty() ? new SpfTerm(text, qualifier, name, false, null, null, 32, 128) : null;
            case "ip4", "ip6" -> network(text, qualifier, name, arg);
            case "include", "exists", "ptr" -> {
                String domain = arg.startsWith(":") ? domainOf(arg.substring(1)) : null;
                boolean valid = name.equals("ptr") ? arg.isEmpty() || domain != null : domain != null;
                yield valid ? new SpfTerm(text, qualifier, name, false, domain, null, 32, 128) : null;
            }
            case "a", "mx" -> hostWithPrefixes(text, qualifier, name, arg);
            default -> new SpfTerm(text, qualifier, name, false, null, null, 32, 128);
        };
    }

    private static SpfTerm network(String text, char qualifier, String name, String arg) {
        int family = name.equals("ip4") ? Address.IPv4 : Address.IPv6;
        AddressRange range = arg.startsWith(":") ? AddressRange.parse(arg.substring(1), family) : null;
        return range == null ? null : new SpfTerm(text, qualifier, name, false, null, range, 32, 128);
    }

    /** {@code a}, {@code a:host}, {@code a/24}, {@code a:host/24//64}, {@code mx//64}... */
    private static SpfTerm hostWithPrefixes(String text, char qualifier, String name, String arg) {
        String domain = null;
        String cidr = arg;
        if (arg.startsWith(":")) {
            int slash = arg.indexOf('/');
            domain = domainOf(slash < 0 ? arg.substring(1) : arg.substring(1, slash));
            cidr = slash < 0 ? "" : arg.substring(slash);
            if (domain == null) {
                return null;
            }
        }
        int dual = cidr.indexOf("//");
        String four = dual < 0 ? cidr : cidr.substring(0, dual);
        Integer p4 = four.isEmpty() ? Integer.valueOf(32) : four.startsWith("/")
                ? AddressRange.prefixLength(four.substring(1), 32) : null;
        Integer p6 = dual < 0 ? Integer.valueOf(128) : AddressRange.prefixLength(cidr.substring(dual + 2), 128);
        return p4 == null || p6 == null ? null : new SpfTerm(text, qualifier, name, false, domain, null, p4, p6);
    }

    /** Lower-cased, without a trailing dot; null when empty. */
    private static String domainOf(String spec) {
        String d = spec.endsWith(".") ? spec.substring(0, spec.length() - 1) : spec;
        return d.isEmpty() ? null : d.toLowerCase(Locale.ROOT);
    }

    private static int firstOf(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == ':' || text.charAt(i) == '/') {
                return i;
            }
        }
        return -1;
    }
}
