package org.tidings.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestSmtp;
import org.tidings.doctor.LoopbackDns;

/**
 * {@code tidings doctor} end to end: a DNS server on the loopback holds the domain's records,
 * GreenMail is the SMTP server and the IMAP bounce mailbox.
 */
class DoctorCommandTest {
    private static final String DOMAIN = "tidings.example.org";
    private static KeyPair dkimKey;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    private final LoopbackDns dns = LoopbackDns.start();
    private final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void generateKey() throws NoSuchAlgorithmException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        dkimKey = rsa.generateKeyPair();
    }

    @BeforeEach
    void readyDomain() throws IOException {
        greenMail.setUser("bounces@" + DOMAIN, "bounces", "secret");
        Files.writeString(dir.resolve("dkim.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(dkimKey.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        env.putAll(TestSmtp.settings(greenMail.getSmtp().getPort()));
        env.put("TIDINGS_PUBLIC_URL", "https://news." + DOMAIN);
        env.put("TIDINGS_MAIL_BOUNCE_ADDRESS", "bounces@" + DOMAIN);
        env.put("TIDINGS_INBOUND_URL", "imap://bounces:secret@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX");
        env.put("TIDINGS_MAIL_DKIM_DOMAIN", DOMAIN);
        env.put("TIDINGS_MAIL_DKIM_SELECTOR", "s1");
        env.put("TIDINGS_MAIL_DKIM_KEY_FILE", "dkim.pem");
    }

    @AfterEach
    void stopDns() throws InterruptedException {
        dns.close();
    }

    private void publishAll(String dmarcPolicy) {
        dns.txt(DOMAIN, "v=spf1 ip4:127.0.0.1 -all")
                .txt("s1._domainkey." + DOMAIN, "v=DKIM1; k=rsa; p="
                        + Base64.getEncoder().encodeToString(dkimKey.getPublic().getEncoded()))
                .txt("_dmarc." + DOMAIN, "v=DMARC1; p=" + dmarcPolicy + "; rua=mailto:postmaster@" + DOMAIN);
    }

    private CliRun doctor() {
        return CliRun.run(dir, env, "doctor", "--dns", dns.hostPort());
    }

    private static List<String> lines(CliRun run, String severity) {
        return run.out.lines().filter(l -> l.startsWith(severity + " ")).toList();
    }

    @Test
    void readyDomainIsAllOkExitsZeroAndSendsNothing() {
        publishAll("quarantine");

        CliRun run = doctor();

        assertEquals(0, run.exitCode, run.toString());
        List<String> checks = lines(run, "ok").stream().map(l -> l.substring(9, l.indexOf(": "))).toList();
        assertEquals(List.of("SPF " + DOMAIN, "DKIM s1._domainkey." + DOMAIN, "DMARC _dmarc." + DOMAIN,
                "DMARC alignment", "public.url https://news." + DOMAIN, "SMTP 127.0.0.1:" + greenMail.getSmtp().getPort(),
                "inbound imap://bounces:***@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX"), checks, run.out);
        assertTrue(run.out.endsWith("0 problems, 0 warnings\n"), run.out);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void warningsAloneExitZero() {
        publishAll("none");
        env.remove("TIDINGS_INBOUND_URL");

        CliRun run = doctor();

        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of("warning  DMARC _dmarc." + DOMAIN + ": p=none is monitoring only: receivers act on nothing",
                "warning  inbound: inbound.url is not set: bounces and complaints are not read"), lines(run, "warning"));
        assertTrue(run.out.endsWith("0 problems, 2 warnings\n"), run.out);
    }

    @Test
    void unpublishedDomainIsProblemsWithTheRecordsToPublishAndExitsOne() {
        CliRun run = doctor();

        assertEquals(1, run.exitCode, run.toString());
        assertEquals(3, lines(run, "problem").size(), run.out);
        // smtp.host is the loopback: the record names the domain's MX, not an address nobody sees.
        assertTrue(run.out.contains("-> publish TXT at " + DOMAIN + ": \"v=spf1 mx ~all\""), run.out);
        assertTrue(run.out.contains("-> publish TXT at s1._domainkey." + DOMAIN + ": \"v=DKIM1; k=rsa; p="
                + Base64.getEncoder().encodeToString(dkimKey.getPublic().getEncoded()) + "\""), run.out);
        assertTrue(run.out.contains("-> publish TXT at _dmarc." + DOMAIN + ": \"v=DMARC1; p=none; rua=mailto:postmaster@"
                + DOMAIN + "\""), run.out);
    }

    @Test
    void smtpServerDownIsAProblem() throws IOException {
        publishAll("reject");
        int closed = freePort();
        env.put("TIDINGS_SMTP_PORT", String.valueOf(closed));

        CliRun run = doctor();

        assertEquals(1, run.exitCode, run.toString());
        assertEquals(List.of("problem  SMTP 127.0.0.1:" + closed + ": Could not connect to SMTP server 127.0.0.1:"
                + closed + ": connection refused"), lines(run, "problem"));
        assertTrue(run.out.endsWith("1 problem, 0 warnings\n"), run.out);
    }

    @Test
    void wrongInboundPasswordIsAProblemAndThePasswordIsNeverShown() {
        publishAll("reject");
        env.put("TIDINGS_INBOUND_URL", "imap://bounces:wrong-horse@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX");

        CliRun run = doctor();

        assertEquals(1, run.exitCode, run.toString());
        List<String> problems = lines(run, "problem");
        assertEquals(1, problems.size(), run.out);
        assertTrue(problems.get(0).startsWith("problem  inbound imap://bounces:***@127.0.0.1:"
                + greenMail.getImap().getPort() + "/INBOX: Could not log in"), problems.get(0));
        assertFalse(run.out.contains("wrong-horse") || run.err.contains("wrong-horse"), run.toString());
    }

    @Test
    void dnsOptionMustBeHostAndPort() {
        CliRun run = CliRun.run(dir, env, "doctor", "--dns", "127.0.0.1:dns");

        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("--dns must be HOST:PORT, got '127.0.0.1:dns'"), run.err);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
