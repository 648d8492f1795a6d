package org.tidings.doctor;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tidings.doctor.SpfResult.Verdict;

/**
 * SPF at a domain that mail claims to come from: a record exists and lets the SMTP host's
 * addresses send. Receivers check the envelope sender's domain, so the bounce address's domain
 * matters as much as the From domain.
 */
final class SpfCheck {
    private final DnsClient dns;
    private final SpfEvaluator evaluator;

    SpfCheck(DnsClient dns) {
        this.dns = dns;
        this.evaluator = new SpfEvaluator(dns);
    }

    Finding check(String domain, SendingHost host) {
        String check = "SPF " + domain;
        DnsAnswer<String> txt = dns.txt(domain);
        if (txt.failed()) {
            return Finding.problem(check, "could not look up its TXT records: " + txt.failure(), null);
        }
        List<String> records = SpfEvaluator.spfRecords(txt.values());
        if (records.isEmpty()) {
            return Finding.problem(check, "no SPF record (TXT v=spf1)",
                    "publish TXT at " + domain + ": \"" + suggested(host) + "\"");
        }
        if (host.name() == null) {
            return Finding.warning(check, "\"" + records.get(0) + "\" found, not checked: smtp.host is not set", null);
        }
        if (host.addresses().failed() || host.addresses().values().isEmpty()) {
            String why = host.addresses().failed() ? host.addresses().failure() : "no A or AAAA record";
            return Finding.problem(check, "could not find the addresses of smtp.host " + host.name() + ": " + why, null);
        }
        return judge(check, domain, records, host);
    }

    private Finding judge(String check, String domain, List<String> records, SendingHost host) {
        List<InetAddress> uncovered = new ArrayList<>();
        SpfResult worst = null;
        for (InetAddress address : host.addresses().values()) {
            SpfResult result = evaluator.evaluate(domain, address);
            if (result.verdict() != Verdict.PASS) {
                uncovered.add(address);
            }
            if (worst == null || rank(result.verdict()) > rank(worst.verdict())) {
                worst = result;
            }
        }
        String notes = worst.notes().isEmpty() ? "" : " (" + String.join("; ", worst.notes()) + ")";
        String shown = shown(host.addresses().values());
        String sender = "smtp.host " + host.name() + (shown.equals(host.name()) ? "" : " (" + shown + ")");
        return switch (worst.verdict()) {
            case PASS -> Finding.ok(check, "allows " + sender + ": " + worst.reason() + notes);
            case SOFTFAIL, NEUTRAL, FAIL -> notCovered(check, domain, records.get(0), worst, sender + notes, host, uncovered);
            default -> Finding.problem(check, worst.verdict().name().toLowerCase(Locale.ROOT) + " for " + sender
                    + ": " + worst.reason() + notes, errorFix(domain, worst));
        };
    }

    private static Finding notCovered(String check, String domain, String record, SpfResult worst, String sender,
            SendingHost host, List<InetAddress> uncovered) {
        String detail = worst.verdict().name().toLowerCase(Locale.ROOT) + " for " + sender + ": "
                + worst.reason();
        if (host.onThisMachine()) {
            return Finding.warning(check, detail, "smtp.host is this machine: make sure the record allows the public"
                    + " address mail leaves from, which the doctor cannot see");
        }
        String fix = "publish at " + domain + ": \"" + record.substring(0, 6) + " " + mechanisms(uncovered)
                + record.substring(6) + "\"";
        return worst.verdict() == Verdict.FAIL ? Finding.problem(check, detail, fix) : Finding.warning(check,
                detail + " (receivers may junk it)", fix);
    }

    /** Receivers count a permanent SPF error as a failure; a temporary one may clear by itself. */
    private static String errorFix(String domain, SpfResult result) {
        if (result.verdict() != Verdict.PERMERROR) {
            return null;
        }
        return result.reason().contains("DNS lookups") ? "make the record at " + domain + " evaluate within "
                + SpfEvaluator.MAX_LOOKUPS + " DNS lookups (fewer include, a, mx and exists terms, or addresses instead)"
                : "correct the record at " + domain + ": receivers count an SPF error as a failure";
    }

    /** The record to publish when there is none: the SMTP host's own addresses when known. */
    private static String suggested(SendingHost host) {
        List<InetAddress> addresses = host.addresses().values();
        if (!addresses.isEmpty() && !host.onThisMachine()) {
            return "v=spf1 " + mechanisms(addresses) + " ~all";
        }
        return host.name() == null || host.onThisMachine() ? "v=spf1 mx ~all" : "v=spf1 a:" + host.name() + " ~all";
    }

    private static String mechanisms(List<InetAddress> addresses) {
        return addresses.stream().map(a -> (a instanceof Inet4Address ? "ip4:" : "ip6:") + a.getHostAddress())
                .collect(Collectors.joining(" "));
    }

    private static String shown(List<InetAddress> addresses) {
        return addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
    }

    /** Which verdict of several addresses the report shows: the one a receiver would treat worst. */
    private static int rank(Verdict verdict) {
        return List.of(Verdict.PASS, Verdict.NEUTRAL, Verdict.SOFTFAIL, Verdict.FAIL, Verdict.NONE, Verdict.TEMPERROR,
                Verdict.PERMERROR).indexOf(verdict);
    }
}
