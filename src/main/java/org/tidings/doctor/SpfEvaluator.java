package org.tidings.doctor;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tidings.doctor.SpfResult.Verdict;

/**
 * Evaluates a domain's SPF policy for one sending address as a receiver would (RFC 7208 section 4):
 * ip4, ip6, a, mx, include, exists, all and redirect, within the limit of 10 DNS lookups and 2 that
 * find nothing. Macros and ptr are not evaluated; the result says so in its notes.
 */
final class SpfEvaluator {
    static final int MAX_LOOKUPS = 10;
    private static final int MAX_VOID_LOOKUPS = 2;
    private static final int MAX_MX_HOSTS = 10;
    /** Far more than any real record; a hostile one cannot make the evaluation long. */
    private static final int MAX_TERMS = 64;

    private final DnsClient dns;

    SpfEvaluator(DnsClient dns) {
        this.dns = dns;
    }

    SpfResult evaluate(String domain, InetAddress sender) {
        Run run = new Run(sender);
        try {
            return run.check(domain);
        } catch (Stop stop) {
            return new SpfResult(stop.verdict, stop.getMessage(), run.notes);
        }
    }

    /** The TXT records that are SPF records: "v=spf1" alone or followed by a space (section 4.5). */
    static List<String> spfRecords(List<String> txt) {
        return txt.stream().filter(t -> t.regionMatches(true, 0, "v=spf1", 0, 6) && (t.length() == 6 || t.charAt(6) == ' '))
                .toList();
    }

    /** One evaluation: the lookup counts are shared by every include and redirect it follows. */
    private final class Run {
        private final InetAddress sender;
        private final List<String> notes = new ArrayList<>();
        private int lookups;
        private int voidLookups;

        Run(InetAddress sender) {
            this.sender = sender;
        }

        SpfResult check(String domain) throws Stop {
            DnsAnswer<String> txt = dns.txt(domain);
            if (txt.failed()) {
                throw new Stop(Verdict.TEMPERROR, txt.failure());
            }
            List<String> records = spfRecords(txt.values());
            if (records.isEmpty()) {
                return new SpfResult(Verdict.NONE, "no SPF record at " + domain, notes);
            }
            if (records.size() > 1) {
                throw new Stop(Verdict.PERMERROR, records.size() + " SPF records at " + domain + ", there must be one");
            }
            return evaluate(domain, records.get(0));
        }

        private SpfResult evaluate(String domain, String record) throws Stop {
            String[] terms = record.strip().split(" +");
            if (terms.length > MAX_TERMS) {
                throw new Stop(Verdict.PERMERROR, "the record at " + domain + " has more than " + MAX_TERMS + " terms");
            }
            String redirect = null;
            for (int i = 1; i < terms.length; i++) {
                SpfTerm term = SpfTerm.parse(terms[i]);
                if (term == null) {
                    throw new Stop(Verdict.PERMERROR, "'" + terms[i] + "' in the record at " + domain + " is not SPF");
                }
                if (term.modifier()) {
                    redirect = term.name().equals("redirect") ? term.domain() : redirect;
                } else if (matches(domain, term)) {
                    // "all" matches every sender, so a redirect after it is never reached (section 6.1).
                    return new SpfResult(SpfResult.forQualifier(term.qualifier()), term.text() + " in " + domain, notes);
                }
            }
            return redirect == null ? new SpfResult(Verdict.NEUTRAL, "no term of the record at " + domain + " matched", notes)
                    : followRedirect(redirect);
        }

        private SpfResult followRedirect(String target) throws Stop {
            if (macro(target, "redirect=" + target)) {
                return new SpfResult(Verdict.NEUTRAL, "redirect=" + target + " not evaluated", notes);
            }
            countLookup();
            SpfResult result = check(target);
            if (result.verdict() == Verdict.NONE) {
                throw new Stop(Verdict.PERMERROR, "redirect=" + target + " names a domain without an SPF record");
            }
            return result;
        }

        private boolean matches(String domain, SpfTerm term) throws Stop {
            String target = term.domain() == null ? domain : term.domain();
            if (macro(target, term.text())) {
                return false;
            }
            return switch (term.name()) {
                case "all" -> true;
                case "ip4", "ip6" -> term.range().contains(sender);
                case "include" -> included(target);
                case "a" -> {
                    countLookup();
                    yield anyInRange(lookup(dns.addresses(target)), term);
                }
                case "mx" -> exchangeMatches(target, term);
                case "exists" -> {
                    countLookup();
                    yield !lookup(dns.addresses(target)).isEmpty();
                }
                case "ptr" -> {
                    countLookup();
                    notes.add("ptr is not evaluated (RFC 7208 asks senders not to use it)");
                    yield false;
                }
                default -> throw new Stop(Verdict.PERMERROR, "unknown mechanism '" + term.text() + "' in " + domain);
            };
        }

        private boolean included(String target) throws Stop {
            countLookup();
            SpfResult inner = check(target);
            return switch (inner.verdict()) {
                case PASS -> true;
                case FAIL, SOFTFAIL, NEUTRAL -> false;
                case NONE -> throw new Stop(Verdict.PERMERROR, "include:" + target + " has no SPF record");
                default -> throw new Stop(inner.verdict(), inner.reason());
            };
        }

        private boolean exchangeMatches(String target, SpfTerm term) throws Stop {
            countLookup();
            List<String> hosts = lookup(dns.mx(target));
            if (hosts.size() > MAX_MX_HOSTS) {
                throw new Stop(Verdict.PERMERROR, target + " has more than " + MAX_MX_HOSTS + " MX hosts");
            }
            for (String host : hosts) {
                if (anyInRange(lookup(dns.addresses(host)), term)) {
                    return true;
                }
            }
            return false;
        }

        private boolean anyInRange(List<InetAddress> found, SpfTerm term) {
            return found.stream().anyMatch(a -> AddressRange.around(a, term.prefix4(), term.prefix6()).contains(sender));
        }

        private <T> List<T> lookup(DnsAnswer<T> answer) throws Stop {
            if (answer.failed()) {
                throw new Stop(Verdict.TEMPERROR, answer.failure());
            }
            if (answer.values().isEmpty() && ++voidLookups > MAX_VOID_LOOKUPS) {
                throw new Stop(Verdict.PERMERROR, "more than " + MAX_VOID_LOOKUPS
                        + " DNS lookups found nothing (RFC 7208 section 4.6.4)");
            }
            return answer.values();
        }

        private void countLookup() throws Stop {
            if (++lookups > MAX_LOOKUPS) {
                throw new Stop(Verdict.PERMERROR, "more than " + MAX_LOOKUPS
                        + " DNS lookups (RFC 7208 section 4.6.4): receivers stop with an error");
            }
        }

        private boolean macro(String target, String text) {
            if (target.indexOf('%') < 0) {
                return false;
            }
            notes.add(text.toLowerCase(Locale.ROOT) + " uses a macro, which the doctor does not expand");
            return true;
        }
    }

    /** Ends an evaluation with an error verdict, from however deep in the includes it was found. */
    private static final class Stop extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Verdict verdict;

        Stop(Verdict verdict, String reason) {
            super(reason, null, false, false);
            this.verdict = verdict;
        }
    }
}
