package org.tidings.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.doctor.Finding.Severity;

/** What each DNS check reports, and the record it tells the admin to publish. */
class DnsChecksTest {
    private static final String FROM = "news.example.org";

    private final LoopbackDns dns = LoopbackDns.start();

    @AfterEach
    void stop() throws InterruptedException {
        dns.close();
    }

    private Finding spf(String smtpHost) {
        return new SpfCheck(dns.client()).check(FROM, new SendingHost(smtpHost, dns.client().addressesOf(smtpHost)));
    }

    private static byte[] rsaPublicKey() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        return rsa.generateKeyPair().getPublic().getEncoded();
    }

    @Test
    void spfThatAllowsTheSmtpHostsAddressIsOk() {
        dns.txt(FROM, "v=spf1 a:smtp.example.org -all").a("smtp.example.org", "192.0.2.25");

        Finding f = spf("smtp.example.org");

        assertEquals(Severity.OK, f.severity(), f.toString());
        assertEquals("allows smtp.host smtp.example.org (192.0.2.25): a:smtp.example.org in news.example.org", f.detail());
    }

    @Test
    void missingSpfIsAProblemWithTheRecordToPublish() {
        dns.a("smtp.example.org", "192.0.2.25").txt(FROM, "google-site-verification=abc");

        Finding f = spf("smtp.example.org");

        assertEquals(Severity.PROBLEM, f.severity());
        assertEquals("publish TXT at news.example.org: \"v=spf1 ip4:192.0.2.25 ~all\"", f.fix());
    }

    @Test
    void spfThatDoesNotCoverTheHostIsAProblemAndTheFixAddsItsAddress() {
        dns.txt(FROM, "v=spf1 include:_spf.provider.test -all").txt("_spf.provider.test", "v=spf1 ip4:198.51.100.0/24 -all");

        Finding f = spf("192.0.2.25");

        assertEquals(Severity.PROBLEM, f.severity());
        assertEquals("fail for smtp.host 192.0.2.25: -all in news.example.org", f.detail());
        assertEquals("publish at news.example.org: \"v=spf1 ip4:192.0.2.25 include:_spf.provider.test -all\"", f.fix());
    }

    @Test
    void softfailIsAWarningAndTooManyLookupsAProblem() {
        dns.txt(FROM, "v=spf1 ip4:198.51.100.1 ~all");
        assertEquals(Severity.WARNING, spf("192.0.2.25").severity());

        dns.txt("many.example.org", "v=spf1 a a a a a a a a a a a -all").a("many.example.org", "198.51.100.9");
        Finding tooMany = new SpfCheck(dns.client()).check("many.example.org",
                new SendingHost("192.0.2.25", dns.client().addressesOf("192.0.2.25")));
        assertEquals(Severity.PROBLEM, tooMany.severity());
        assertTrue(tooMany.detail().contains("more than 10 DNS lookups"), tooMany.detail());
    }

    @Test
    void dkimRecordWithTheConfiguredKeyIsOk() throws NoSuchAlgorithmException {
        byte[] key = rsaPublicKey();
        dns.txt("s1._domainkey.example.org", "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key));

        Finding f = new DkimCheck(dns.client()).check(new ExpectedDkim("example.org", "s1", "rsa", key));

        assertEquals(Severity.OK, f.severity(), f.toString());
    }

    @Test
    void dkimRecordWithAnotherKeyIsAProblemAndTheFixIsTheRightRecord() throws NoSuchAlgorithmException {
        byte[] published = rsaPublicKey();
        byte[] configured = rsaPublicKey();
        dns.txt("s1._domainkey.example.org", "v=DKIM1; p=" + Base64.getEncoder().encodeToString(published));

        Finding f = new DkimCheck(dns.client()).check(new ExpectedDkim("example.org", "s1", "rsa", configured));

        assertEquals(Severity.PROBLEM, f.severity());
        assertEquals("p= (k=rsa) is not the public key of mail.dkim.key-file (rsa)", f.detail());
        assertEquals("publish TXT at s1._domainkey.example.org: \"v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(configured) + "\"", f.fix());
    }

    @Test
    void dkimMissingIsAProblemAndNotSigningAWarning() throws NoSuchAlgorithmException {
        Finding missing = new DkimCheck(dns.client()).check(new ExpectedDkim("example.org", "s1", "rsa", rsaPublicKey()));
        Finding unsigned = new DkimCheck(dns.client()).check(null);

        assertEquals(Severity.PROBLEM, missing.severity());
        assertEquals("no DKIM key record", missing.detail());
        assertEquals(Severity.WARNING, unsigned.severity());
        assertEquals("messages are not signed (Gmail and Yahoo want bulk mail signed)", unsigned.detail());
    }

    @Test
    void dmarcMissingIsAProblemWithTheRecordToPublish() {
        List<Finding> f = new DmarcCheck(dns.client()).check(FROM, FROM, FROM);

        assertEquals(Severity.PROBLEM, f.get(0).severity());
        assertEquals("publish TXT at _dmarc.news.example.org: \"v=DMARC1; p=none; rua=mailto:postmaster@news.example.org\"",
                f.get(0).fix());
        assertTrue(f.get(0).detail().contains("nor at _dmarc.example.org"), f.get(0).detail());
        assertEquals(Severity.OK, f.get(1).severity(), "alignment holds without a record, under the relaxed default");
    }

    @Test
    void dmarcPolicyNoneIsAWarningAndTheOrganizationalDomainsRecordCounts() {
        dns.txt("_dmarc.example.org", "v=DMARC1; p=none; sp=quarantine; rua=mailto:d@example.org");
        dns.txt("_dmarc.monitor.example", "v=DMARC1; p=none");

        Finding atOrg = new DmarcCheck(dns.client()).check(FROM, FROM, null).get(0);
        Finding none = new DmarcCheck(dns.client()).check("monitor.example", "monitor.example", null).get(0);

        assertEquals(Severity.OK, atOrg.severity(), "sp= applies to a subdomain: " + atOrg);
        assertTrue(atOrg.detail().startsWith("p=quarantine (for news.example.org, from the organizational domain"),
                atOrg.detail());
        assertEquals(Severity.WARNING, none.severity());
        assertEquals("p=none is monitoring only: receivers act on nothing", none.detail());
    }

    @Test
    void dmarcAlignmentFailsWhenNeitherDkimNorEnvelopeMatchesFromAndStrictModesCount() {
        dns.txt("_dmarc.example.org", "v=DMARC1; p=reject; adkim=s; aspf=s");

        List<Finding> foreign = new DmarcCheck(dns.client()).check("example.org", "bounces.mailer.test", "mailer.test");
        List<Finding> strict = new DmarcCheck(dns.client()).check("example.org", "b.example.org", "d.example.org");
        List<Finding> relaxed = new DmarcCheck(dns.client()).check("example.org", "example.org", "d.example.org");

        assertEquals(Severity.PROBLEM, foreign.get(1).severity());
        assertEquals("set mail.dkim.domain to example.org (or a domain under example.org)", foreign.get(1).fix());
        assertEquals(Severity.PROBLEM, strict.get(1).severity(), "adkim=s and aspf=s refuse subdomains");
        assertEquals(Severity.OK, relaxed.get(1).severity());
        assertEquals("From example.org aligns with the envelope sender's domain example.org (strict)",
                relaxed.get(1).detail());
    }

    @Test
    void publicUrlMustBeHttpsAndNotThisMachine() {
        assertEquals(Severity.OK, PublicUrlCheck.check(URI.create("https://news.example.org/")).severity());
        Finding http = PublicUrlCheck.check(URI.create("http://news.example.org/tidings"));
        assertEquals(Severity.PROBLEM, http.severity());
        assertEquals("serve Tidings behind https and set public.url=https://news.example.org/tidings", http.fix());
        assertEquals(Severity.PROBLEM, PublicUrlCheck.check(URI.create("http://localhost:8080")).severity());
    }

    @Test
    void controlCharactersFromDnsNeverReachTheTerminal() {
        dns.txt(FROM, "v=spf1 \u001b[2J -all");

        Finding f = spf("192.0.2.25");

        assertEquals(Severity.PROBLEM, f.severity());
        assertTrue(f.detail().chars().noneMatch(Character::isISOControl), f.detail());
        assertTrue(f.fix().startsWith("correct the record at news.example.org"), f.fix());
    }
}
