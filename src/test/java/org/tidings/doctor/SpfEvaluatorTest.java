package org.tidings.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.doctor.SpfResult.Verdict;

/** RFC 7208 evaluation against records served by a DNS server on the loopback. */
class SpfEvaluatorTest {
    private final LoopbackDns dns = LoopbackDns.start();
    private final SpfEvaluator spf = new SpfEvaluator(dns.client());

    @AfterEach
    void stop() throws InterruptedException {
        dns.close();
    }

    private SpfResult evaluate(String domain, String address) throws UnknownHostException {
        return spf.evaluate(domain, InetAddress.getByName(address));
    }

    @Test
    void ip4NetworkPassesItsAddressesAndAllDecidesTheRest() throws UnknownHostException {
        dns.txt("example.org", "v=spf1 ip4:192.0.2.0/24 -all");

        assertEquals(Verdict.PASS, evaluate("example.org", "192.0.2.77").verdict());
        assertEquals("ip4:192.0.2.0/24 in example.org", evaluate("example.org", "192.0.2.77").reason());
        assertEquals(Verdict.FAIL, evaluate("example.org", "192.0.3.1").verdict());
    }

    @Test
    void qualifiersOfAllGiveSoftfailAndNeutral() throws UnknownHostException {
        dns.txt("soft.example", "v=spf1 ip4:192.0.2.1 ~all").txt("open.example", "v=spf1 ?all");

        assertEquals(Verdict.SOFTFAIL, evaluate("soft.example", "198.51.100.1").verdict());
        assertEquals(Verdict.NEUTRAL, evaluate("open.example", "198.51.100.1").verdict());
    }

    @Test
    void followsIncludeAndThenRedirectWithItsAAndMxTerms() throws UnknownHostException {
        dns.txt("example.org", "v=spf1 include:_spf.provider.test redirect=_spf.example.org")
                .txt("_spf.provider.test", "v=spf1 ip4:198.51.100.0/24 ip6:2001:db8::/32 -all")
                .txt("_spf.example.org", "v=spf1 a:relay.example.org/30 mx -all")
                .a("relay.example.org", "203.0.113.8")
                .mx("_spf.example.org", "mx.example.org").a("mx.example.org", "203.0.113.50");

        assertEquals(Verdict.PASS, evaluate("example.org", "198.51.100.7").verdict(), "through include");
        assertEquals(Verdict.PASS, evaluate("example.org", "2001:db8::25").verdict(), "ip6 through include");
        assertEquals(Verdict.PASS, evaluate("example.org", "203.0.113.10").verdict(), "redirect, a with /30");
        assertEquals(Verdict.PASS, evaluate("example.org", "203.0.113.50").verdict(), "redirect, mx");
        SpfResult outside = evaluate("example.org", "203.0.113.12");
        assertEquals(Verdict.FAIL, outside.verdict());
        assertEquals("-all in _spf.example.org", outside.reason());
    }

    @Test
    void eleventhLookupIsAPermanentError() throws UnknownHostException {
        for (int i = 0; i < 11; i++) {
            dns.txt("hop" + i + ".example", "v=spf1 include:hop" + (i + 1) + ".example -all");
        }
        dns.txt("hop11.example", "v=spf1 ip4:192.0.2.1 -all");
        dns.txt("nine.example", "v=spf1 include:hop2.example -all");

        SpfResult tooDeep = evaluate("hop0.example", "192.0.2.1");
        assertEquals(Verdict.PERMERROR, tooDeep.verdict());
        assertTrue(tooDeep.reason().startsWith("more than 10 DNS lookups"), tooDeep.reason());
        assertEquals(Verdict.PASS, evaluate("nine.example", "192.0.2.1").verdict(), "10 lookups are allowed");
    }

    @Test
    void brokenRecordsArePermanentErrors() throws UnknownHostException {
        dns.txt("two.example", "v=spf1 -all").txt("two.example", "v=spf1 ip4:192.0.2.1 -all")
                .txt("bad.example", "v=spf1 ip4:192.0.2.300 -all")
                .txt("nowhere.example", "v=spf1 include:missing.example -all").txt("missing.example", "hello")
                .txt("empty.example", "v=spf1 a:n1.example a:n2.example a:n3.example -all");

        assertEquals(Verdict.PERMERROR, evaluate("two.example", "192.0.2.1").verdict());
        assertEquals(Verdict.PERMERROR, evaluate("bad.example", "192.0.2.1").verdict());
        assertEquals(Verdict.PERMERROR, evaluate("nowhere.example", "192.0.2.1").verdict());
        assertEquals(Verdict.PERMERROR, evaluate("empty.example", "192.0.2.1").verdict(), "three void lookups");
        assertEquals(Verdict.NONE, evaluate("missing.example", "192.0.2.1").verdict());
    }

    @Test
    void dnsFailureIsATemporaryErrorAndMacrosAreNotedNotGuessed() throws UnknownHostException {
        dns.txt("flaky.example", "v=spf1 include:down.example -all").servfail("down.example")
                .txt("macro.example", "v=spf1 exists:%{i}._spf.macro.example ~all");

        assertEquals(Verdict.TEMPERROR, evaluate("flaky.example", "192.0.2.1").verdict());
        SpfResult macro = evaluate("macro.example", "192.0.2.1");
        assertEquals(Verdict.SOFTFAIL, macro.verdict());
        assertEquals(1, macro.notes().size());
    }
}
