package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tidings.model.EmailAddress;

/**
 * Every message is DKIM-signed over the bytes that reach the SMTP server. The signatures are checked
 * on the raw bytes GreenMail received, by verifiers that share no code with the signer: Apache jDKIM
 * for rsa-sha256, {@link Ed25519DkimVerifier} for ed25519-sha256.
 */
class DkimSigningTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path keys;
    private static KeyPair rsaPair;
    private static KeyPair edPair;
    private static DkimKey rsa;
    private static DkimKey ed25519;

    @BeforeAll
    static void makeKeys() throws Exception {
        rsaPair = DkimTestKeys.rsa(2048);
        edPair = DkimTestKeys.ed25519();
        rsa = DkimKey.load(DkimTestKeys.write(rsaPair, Files.createDirectory(keys.resolve("rsa"))));
        ed25519 = DkimKey.load(DkimTestKeys.write(edPair, Files.createDirectory(keys.resolve("ed25519"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void signatureOfTheReceivedBytesVerifies(String type) throws Exception {
        byte[] raw = sendOne(type, MailFixtures.message("reader@example.org", "<m1@tidings.example.org>"));

        assertTrue(verifies(type, raw));
        assertEquals(type + "-sha256", tags(raw).get("a"));
        assertEquals("relaxed/relaxed", tags(raw).get("c"));
        assertEquals("tidings.example.org", tags(raw).get("d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void oneChangedByteInTheSubjectBreaksTheSignature(String type) throws Exception {
        byte[] raw = sendOne(type, MailFixtures.message("reader@example.org", "<m2@tidings.example.org>"));

        byte[] changed = replaceOnce(raw, "Subject: Your tidings", "Subject: Your tidingS");

        assertTrue(verifies(type, raw));
        assertFalse(verifies(type, changed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void oneChangedByteInTheBodyBreaksTheSignature(String type) throws Exception {
        byte[] raw = sendOne(type, MailFixtures.message("reader@example.org", "<m3@tidings.example.org>"));

        byte[] changed = replaceOnce(raw, "Hello in HTML", "Hello in HTMl");

        assertTrue(verifies(type, raw));
        assertFalse(verifies(type, changed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void aSecondFromAddedOnTheWayBreaksTheSignature(String type) throws Exception {
        byte[] raw = sendOne(type, MailFixtures.message("reader@example.org", "<m4@tidings.example.org>"));

        byte[] changed = replaceOnce(raw, "\r\nTo: ", "\r\nFrom: ceo@tidings.example.org\r\nTo: ");

        assertFalse(verifies(type, changed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void coversTheOneClickUnsubscribeHeaders(String type) throws Exception {
        byte[] raw = sendOne(type, MailFixtures.message("reader@example.org", "<m5@tidings.example.org>"));

        List<String> signed = List.of(tags(raw).get("h").split(":"));

        assertEquals(List.of("from", "to", "subject", "date", "message-id", "mime-version", "content-type", "list-id",
                "list-unsubscribe", "list-unsubscribe-post", "from", "subject"), signed);
        assertTrue(verifies(type, raw));
    }

    @Test
    void signsOnlyTheHeadersAMessageHasWhenItIsNoListMail() throws Exception {
        MailMessage confirmation = new MailMessage(EmailAddress.parse("reader@example.org"), null, "Please confirm",
                "Confirm here", null, "<c1@tidings.example.org>", null);

        byte[] raw = sendOne("rsa", confirmation);

        assertEquals("from:to:subject:date:message-id:mime-version:content-type:from:subject", tags(raw).get("h"));
        assertTrue(verifies("rsa", raw));
    }

    @Test
    void signsFeedbackIdWhenTheMessageCarriesOne() throws Exception {
        String message = String.join("\r\n", "From: news@tidings.example.org", "To: reader@example.org",
                "Subject: Issue 7", "Feedback-ID: 7:tidings:tidings:tidings.example.org", "", "Body", "");

        byte[] signed = new DkimSigner(rsa, MailFixtures.CLOCK).sign(message.getBytes(StandardCharsets.US_ASCII));

        assertEquals("from:to:subject:feedback-id:from:subject", tags(signed).get("h"));
        assertTrue(verifies("rsa", signed));
        assertFalse(verifies("rsa", replaceOnce(signed, "7:tidings", "8:tidings")));
    }

    @Test
    void jdkimReadsTheSameSignedHeadersAsTheTag() throws Exception {
        byte[] raw = sendOne("rsa", MailFixtures.message("reader@example.org", "<m6@tidings.example.org>"));

        List<SignatureRecord> valid = jdkim().verify(new ByteArrayInputStream(raw));

        assertEquals(1, valid.size());
        List<String> headers = valid.get(0).getHeaders().stream().map(CharSequence::toString).toList();
        assertTrue(headers.containsAll(List.of("list-unsubscribe", "list-unsubscribe-post")), headers.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "ed25519"})
    void signsALargeMessageWithEveryTransferEncodingAndAwkwardWhitespace(String type) throws Exception {
        String text = "Caf\u00e9  \t au  lait \t \n\n".repeat(2_000) + "\u043f\u0440\u0438\u0432\u0435\u0442 ".repeat(3_000)
                + "\n\n\n   \n";
        String html = "<p>" + "x".repeat(3_000) + "</p>  \n\t\n" + "<p>  spaced   out  </p>\n".repeat(2_000);
        MailMessage message = new MailMessage(EmailAddress.parse("reader@example.org"), "R\u00e9ader",
                "A subject that is long enough to be folded by Jakarta Mail when it is encoded, \u00e9t\u00e9 \u00e9t\u00e9",
                text, html, "<m7@tidings.example.org>", MailFixtures.newsletter());

        byte[] raw = sendOne(type, message);

        assertTrue(raw.length > 80_000, "large: " + raw.length);
        assertTrue(verifies(type, raw));
    }

    @Test
    void greenMailGivesBackTheBytesThatWereSent() throws Exception {
        // Text only: a multipart boundary would differ between the two sends.
        MailMessage message = new MailMessage(EmailAddress.parse("reader@example.org"), null, "Same bytes",
                "Caf\u00e9  au lait\n", null, "<m8@tidings.example.org>", MailFixtures.newsletter());
        byte[] viaGreenMail = sendOne("ed25519", message);
        String sent;
        try (ScriptedSmtpServer scripted = ScriptedSmtpServer.start();
                MailSession session = mailer(scripted.port(), ed25519).open()) {
            assertEquals(new SendOutcome.Sent(), session.send(message));
            sent = scripted.received().get(0).data();
        }

        // GreenMail adds its trace fields (Return-Path, Received) on top, and keeps the last line end
        // as part of the CRLF.CRLF that ends DATA; DKIM's body canonicalization puts it back.
        String received = new String(viaGreenMail, StandardCharsets.ISO_8859_1);
        assertTrue(sent.startsWith("DKIM-Signature: "), sent);
        assertTrue(sent.endsWith("\r\n"), sent);
        assertTrue(received.endsWith(sent.substring(0, sent.length() - 2)), received);
    }

    @Test
    void theOutboxFileIsSignedToo(@TempDir Path outbox) throws Exception {
        try (MailSession session = Mailers.create(MailFixtures.file(), outbox, MailFixtures.CLOCK, () -> 1, rsa).open()) {
            session.send(MailFixtures.message("reader@example.org", "<m9@tidings.example.org>"));
        }

        byte[] file = Files.readAllBytes(outbox.resolve("m9@tidings.example.org.eml"));

        assertTrue(verifies("rsa", file));
    }

    private static byte[] sendOne(String type, MailMessage message) throws Exception {
        greenMail.reset();
        try (MailSession session = mailer(greenMail.getSmtp().getPort(), type.equals("rsa") ? rsa : ed25519).open()) {
            assertEquals(new SendOutcome.Sent(), session.send(message));
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        // A received message that nothing changed writes the lines and body it was parsed from.
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received[0].writeTo(raw);
        return raw.toByteArray();
    }

    private static Mailer mailer(int port, DkimKey key) {
        return Mailers.create(MailFixtures.smtp(port, 100), null, MailFixtures.CLOCK, () -> 1, key);
    }

    private static boolean verifies(String type, byte[] raw) throws Exception {
        if (type.equals("ed25519")) {
            byte[] spki = edPair.getPublic().getEncoded();
            return Ed25519DkimVerifier.verifies(raw, Arrays.copyOfRange(spki, 12, spki.length));
        }
        try {
            List<SignatureRecord> valid = jdkim().verify(new ByteArrayInputStream(raw));
            return valid != null && valid.size() == 1;
        } catch (FailException e) {
            return false;
        }
    }

    /** jDKIM with the DNS lookup replaced by the record the test's key would publish. */
    private static DKIMVerifier jdkim() {
        return new DKIMVerifier((method, selector, domain) -> {
            if (selector.toString().equals(DkimTestKeys.SELECTOR) && domain.toString().equals(DkimTestKeys.DOMAIN)) {
                return List.of(rsa.dnsRecord());
            }
            throw new PermFailException("no key for " + selector + "._domainkey." + domain);
        });
    }

    private static Map<String, String> tags(byte[] raw) {
        return Ed25519DkimVerifier.tags(new String(raw, StandardCharsets.ISO_8859_1));
    }

    private static byte[] replaceOnce(byte[] raw, String from, String to) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), "message holds " + from);
        return text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.ISO_8859_1);
    }
}
