package org.tidings.doctor;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The DKIM key record at {@code selector._domainkey.domain}: it exists, parses, and its p= is the
 * public half of the key Tidings signs with (RFC 6376 section 3.6.1).
 */
final class DkimCheck {
    private final DnsClient dns;

    DkimCheck(DnsClient dns) {
        this.dns = dns;
    }

    Finding check(ExpectedDkim expected) {
        if (expected == null) {
            return Finding.warning("DKIM", "messages are not signed (Gmail and Yahoo want bulk mail signed)",
                    "set mail.dkim.domain, mail.dkim.selector and mail.dkim.key-file");
        }
        String name = expected.recordName();
        String check = "DKIM " + name;
        DnsAnswer<String> txt = dns.txt(name);
        if (txt.failed()) {
            return Finding.problem(check, "could not look up its TXT record: " + txt.failure(), null);
        }
        List<Map<String, String>> keys = txt.values().stream().map(TagList::parse).filter(DkimCheck::isKeyRecord)
                .toList();
        if (keys.isEmpty()) {
            return Finding.problem(check, "no DKIM key record", publish(expected));
        }
        if (expected.publicKey() == null) {
            return Finding.warning(check, "a key record exists; the " + expected.keyType()
                    + " key of mail.dkim.key-file was not compared with it", null);
        }
        return keys.stream().filter(k -> matches(k, expected)).findFirst().map(k -> matched(check, k))
                .orElseGet(() -> mismatch(check, keys, expected));
    }

    /** A record with a p= tag and, when it has v=, v=DKIM1 first. */
    private static boolean isKeyRecord(Map<String, String> tags) {
        return tags.containsKey("p") && (!tags.containsKey("v") || TagList.startsWithVersion(tags, "DKIM1"));
    }

    private static boolean matches(Map<String, String> tags, ExpectedDkim expected) {
        return tags.getOrDefault("k", "rsa").equalsIgnoreCase(expected.keyType())
                && Arrays.equals(decode(tags.get("p")), expected.publicKey());
    }

    private static Finding matched(String check, Map<String, String> tags) {
        // RFC 6376 section 3.6.1: t=y lets receivers treat a failing signature as unsigned.
        boolean testing = Arrays.stream(tags.getOrDefault("t", "").split(":")).anyMatch(f -> f.strip().equals("y"));
        return testing ? Finding.warning(check, "matches mail.dkim.key-file, but t=y marks the domain as testing DKIM",
                "remove t=y from the record once signed mail passes") : Finding.ok(check, "matches mail.dkim.key-file");
    }

    private static Finding mismatch(String check, List<Map<String, String>> keys, ExpectedDkim expected) {
        boolean revoked = keys.stream().allMatch(k -> k.get("p").isEmpty());
        String detail = revoked ? "the key is revoked (empty p=)"
                : "p= (k=" + keys.get(0).getOrDefault("k", "rsa") + ") is not the public key of mail.dkim.key-file ("
                        + expected.keyType() + ")";
        return Finding.problem(check, detail, publish(expected));
    }

    private static String publish(ExpectedDkim expected) {
        return expected.publicKey() == null
                ? "publish the public key of mail.dkim.key-file as TXT at " + expected.recordName()
                : "publish TXT at " + expected.recordName() + ": \"" + expected.record() + "\"";
    }

    /** p= may be folded with whitespace; null when it is not base64. */
    private static byte[] decode(String p) {
        try {
            return Base64.getDecoder().decode(p.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
