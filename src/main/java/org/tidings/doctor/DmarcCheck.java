package org.tidings.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DMARC (RFC 7489): a record at {@code _dmarc.<From domain>} (else at the organizational domain),
 * its policy, and whether the DKIM d= domain or the envelope sender's domain aligns with From,
 * which is what lets a receiver apply the policy in our favour.
 */
final class DmarcCheck {
    private static final Set<String> POLICIES = Set.of("none", "quarantine", "reject");

    private final DnsClient dns;

    DmarcCheck(DnsClient dns) {
        this.dns = dns;
    }

    /** @param dkimDomain mail.dkim.domain, or null when messages are not signed */
    List<Finding> check(String from, String envelope, String dkimDomain) {
        String org = organizational(from);
        Records found = records(from);
        boolean atOrg = found.failure() == null && found.tags().isEmpty() && !org.equals(from);
        if (atOrg) {
            found = records(org);
        }
        Map<String, String> tags = found.tags().size() == 1 ? found.tags().get(0) : Map.of();
        return List.of(policy(from, found, atOrg), alignment(from, envelope, dkimDomain, tags));
    }

    /**
     * The organizational domain, taken as the last two labels: right for example.org and its
     * subdomains, wrong under public suffixes such as co.uk (RFC 7489 uses the Public Suffix List).
     */
    static String organizational(String domain) {
        String[] labels = domain.split("\\.");
        return labels.length <= 2 ? domain : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }

    private Records records(String domain) {
        String name = "_dmarc." + domain;
        DnsAnswer<String> txt = dns.txt(name);
        return new Records(name, txt.values().stream().map(TagList::parse)
                .filter(t -> TagList.startsWithVersion(t, "DMARC1")).toList(), txt.failure());
    }

    private static Finding policy(String from, Records found, boolean atOrg) {
        String check = "DMARC " + found.name();
        String publish = "publish TXT at _dmarc." + from + ": \"v=DMARC1; p=none; rua=mailto:postmaster@" + from + "\"";
        if (found.failure() != null) {
            return Finding.problem(check, "could not look up its TXT record: " + found.failure(), null);
        }
        if (found.tags().isEmpty()) {
            return Finding.problem("DMARC _dmarc." + from, "no DMARC record (TXT v=DMARC1)"
                    + (atOrg ? " here nor at " + found.name() + " (" + orgNote(from) + ")" : ""), publish);
        }
        if (found.tags().size() > 1) {
            return Finding.problem(check, found.tags().size() + " DMARC records: receivers ignore them all",
                    "keep one record at " + found.name());
        }
        Map<String, String> tags = found.tags().get(0);
        // RFC 7489 section 6.3: sp= is the policy for subdomains when the record is the organizational domain's.
        String p = (atOrg && tags.containsKey("sp") ? tags.get("sp") : tags.getOrDefault("p", "")).toLowerCase(java.util.Locale.ROOT);
        String where = atOrg ? " (for " + from + ", from " + orgNote(from) + ")" : "";
        if (!POLICIES.contains(p)) {
            return Finding.problem(check, "no valid p= policy" + where, publish);
        }
        if (p.equals("none")) {
            return Finding.warning(check, "p=none is monitoring only: receivers act on nothing" + where,
                    "once the aggregate reports (rua=) show your mail passing, move to p=quarantine");
        }
        return Finding.ok(check, "p=" + p + where);
    }

    private static String orgNote(String from) {
        return "the organizational domain, taken as the last two labels of " + from;
    }

    private static Finding alignment(String from, String envelope, String dkimDomain, Map<String, String> tags) {
        boolean strictDkim = "s".equalsIgnoreCase(tags.get("adkim"));
        boolean strictSpf = "s".equalsIgnoreCase(tags.get("aspf"));
        List<String> aligned = new ArrayList<>();
        if (dkimDomain != null && aligned(dkimDomain, from, strictDkim)) {
            aligned.add("DKIM d=" + dkimDomain + mode(strictDkim));
        }
        if (aligned(envelope, from, strictSpf)) {
            aligned.add("the envelope sender's domain " + envelope + mode(strictSpf));
        }
        if (!aligned.isEmpty()) {
            return Finding.ok("DMARC alignment", "From " + from + " aligns with " + String.join(" and ", aligned));
        }
        return Finding.problem("DMARC alignment", "From " + from + " aligns with neither DKIM d="
                + (dkimDomain == null ? " (not signed)" : dkimDomain + mode(strictDkim))
                + " nor the envelope sender's domain " + envelope + mode(strictSpf),
                "set mail.dkim.domain to " + from + " (or a domain under " + organizational(from) + ")");
    }

    private static boolean aligned(String domain, String from, boolean strict) {
        return strict ? domain.equals(from) : organizational(domain).equals(organizational(from));
    }

    private static String mode(boolean strict) {
        return strict ? " (strict)" : " (relaxed)";
    }

    /** The DMARC records at one name, or why they could not be read. */
    private record Records(String name, List<Map<String, String>> tags, String failure) {
    }
}
