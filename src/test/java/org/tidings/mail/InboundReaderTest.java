package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tidings.model.EmailAddress;
import org.tidings.model.InboundKind;
import org.tidings.model.InboundReport;

/** Real-world reports that reach the bounce address, and hostile ones, read into InboundReports. */
class InboundReaderTest {
    static final EmailAddress BOUNCE = EmailAddress.parse("bounces@tidings.example.org");
    private final InboundReader reader = new InboundReader(BOUNCE);

    static InputStream fixture(String name) {
        InputStream in = InboundReaderTest.class.getResourceAsStream("/inbound/" + name);
        assertNotNull(in, name);
        return in;
    }

    private InboundReport read(String fixture) throws IOException {
        try (InputStream in = fixture(fixture)) {
            return reader.read(in, null);
        }
    }

    private InboundReport readText(String message, String envelopeRecipient) throws IOException {
        return reader.read(new ByteArrayInputStream(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)),
                envelopeRecipient);
    }

    @Test
    void readsPostfixUserUnknownAsHardBounce() throws IOException {
        InboundReport r = read("postfix-hard.eml");

        assertEquals(InboundKind.HARD_BOUNCE, r.kind());
        assertEquals("7-42-abcdefghijklmnop", r.verpDetail());
        assertEquals("<tidings.7.42.abcdefghijklmnop@tidings.example.org>", r.originalMessageId());
        assertEquals("5.1.1", r.status());
        assertEquals("550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in local recipient table",
                r.diagnostic());
    }

    @Test
    void readsPostfixDelayAsSoftBounce() throws IOException {
        InboundReport r = read("postfix-delayed.eml");

        assertEquals(InboundKind.SOFT_BOUNCE, r.kind());
        assertEquals("7-42-abcdefghijklmnop", r.verpDetail());
        assertEquals("<tidings.7.42.abcdefghijklmnop@tidings.example.org>", r.originalMessageId());
        assertEquals("4.4.1", r.status());
        assertEquals("connect to mx.example.com[198.51.100.7]:25: Connection timed out", r.diagnostic());
    }

    @Test
    void readsEximBounceFromItsEnvelopeToAndReturnedMessage() throws IOException {
        InboundReport r = read("exim-hard.eml");

        assertEquals(InboundKind.HARD_BOUNCE, r.kind());
        assertEquals("7-43-bcdefghijklmnopq", r.verpDetail());
        assertEquals("<tidings.7.43.bcdefghijklmnopq@tidings.example.org>", r.originalMessageId());
        assertEquals("5.0.0", r.status());
        assertEquals("550 5.1.1 <gone@example.net>: Recipient address rejected: User unknown", r.diagnostic());
    }

    @Test
    void readsGmailFailureBehindItsRelatedAndAlternativeParts() throws IOException {
        InboundReport r = read("gmail-hard.eml");

        assertEquals(InboundKind.HARD_BOUNCE, r.kind());
        assertEquals("7-44-cdefghijklmnopqr", r.verpDetail());
        assertEquals("<tidings.7.44.cdefghijklmnopqr@tidings.example.org>", r.originalMessageId());
        assertEquals("5.1.1", r.status());
        assertTrue(r.diagnostic().startsWith("550-5.1.1 The email account that you tried to reach does not exist. Please"
                + " try 550-5.1.1 double-checking"), r.diagnostic());
        assertTrue(r.diagnostic().length() <= 300, r.diagnostic());
    }

    @Test
    void readsMicrosoftRecipientNotFoundFromTheToHeader() throws IOException {
        InboundReport r = read("microsoft-hard.eml");

        assertEquals(InboundKind.HARD_BOUNCE, r.kind());
        assertEquals("7-45-defghijklmnopqrs", r.verpDetail());
        assertEquals("<tidings.7.45.defghijklmnopqrs@tidings.example.org>", r.originalMessageId());
        assertEquals("5.1.10", r.status());
        assertEquals("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient missing@contoso.com not found by SMTP"
                + " address lookup", r.diagnostic());
    }

    @Test
    void readsArfAbuseReportAsComplaintWithTheQuotedMessageId() throws IOException {
        InboundReport r = read("arf-complaint.eml");

        assertEquals(InboundKind.COMPLAINT, r.kind());
        assertEquals("7-46-efghijklmnopqrst", r.verpDetail(), "sent to the plain address: the token is in"
                + " Original-Mail-From, the envelope sender of the message reported");
        assertEquals("<tidings.7.46.efghijklmnopqrst@tidings.example.org>", r.originalMessageId());
        assertNull(r.status());
        assertEquals("feedback report: abuse (Yahoo!-Mail-Feedback/2.0)", r.diagnostic());
    }

    @Test
    void readsMailToTheUnsubscribeAddressAsUnsubscribe() throws IOException {
        InboundReport r = read("mailto-unsubscribe.eml");

        assertEquals(new InboundReport(InboundKind.UNSUBSCRIBE, "unsubscribe-42-abcdefghijklmnop", null, null,
                "mail to the unsubscribe address"), r);
    }

    @Test
    void unsubscribeAddressWinsWhateverTheMessageLooksLike() throws IOException {
        String dsnLookalike = new String(fixture("postfix-hard.eml").readAllBytes(), StandardCharsets.UTF_8);

        InboundReport r = readText(dsnLookalike, "bounces+unsubscribe-42-abcdefghijklmnop@tidings.example.org");

        assertEquals(InboundKind.UNSUBSCRIBE, r.kind());
        assertEquals("unsubscribe-42-abcdefghijklmnop", r.verpDetail());
    }

    @Test
    void readsOutOfOfficeAsOtherAndIgnoresTheAddressInItsBody() throws IOException {
        InboundReport r = read("auto-reply.eml");

        assertEquals(InboundKind.OTHER, r.kind());
        assertEquals("7-42-abcdefghijklmnop", r.verpDetail());
        assertNull(r.originalMessageId());
        assertNull(r.status());
        assertEquals("an auto-reply, not a delivery report", r.diagnostic());
    }

    @Test
    void readsDsnWithoutTokenAndWithForeignMessageIdAsBounceMatchingNothing() throws IOException {
        InboundReport r = read("no-token-dsn.eml");

        assertEquals(InboundKind.HARD_BOUNCE, r.kind());
        assertNull(r.verpDetail());
        assertNull(r.originalMessageId(), "<20241205080114.1234@laptop.example.org> is not one of ours");
        assertEquals("5.1.1", r.status());
    }

    @Test
    void readsUnterminatedReportWithBadBase64AsOtherWithoutThrowing() throws IOException {
        InboundReport r = read("broken-mime.eml");

        // Angus skips what is not base64, so the report decodes to garbage that names no recipient; the
        // last part, never closed, is read up to the end of the message.
        assertEquals(new InboundReport(InboundKind.OTHER, "7-42-abcdefghijklmnop",
                "<tidings.7.42.abcdefghijklmnop@tidings.example.org>", null,
                "a delivery report that names no recipient's action"), r);
    }

    @Test
    void readsReportWhoseBoundaryNeverAppearsAsBrokenMime() throws IOException {
        InboundReport r = readText("""
                To: bounces+7-42-abcdefghijklmnop@tidings.example.org
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="never-used"

                Action: failed
                Status: 5.1.1
                """, null);

        assertEquals(InboundKind.OTHER, r.kind());
        assertEquals("7-42-abcdefghijklmnop", r.verpDetail());
        assertNull(r.status());
        assertTrue(r.diagnostic().startsWith("broken MIME: "), r.diagnostic());
    }

    @Test
    void readsHeaderGarbageAsOther() throws IOException {
        InboundReport r = readText("\u0000\u0001 not a header\n\n\u00ff\u00fe", null);

        assertEquals(InboundKind.OTHER, r.kind());
        assertNull(r.verpDetail());
    }

    @Test
    void readsMessageOverTenMegabytesToItsEndAsTooLarge() throws IOException {
        CountingStream twentyMegabytes = new CountingStream(20 * 1024 * 1024);

        InboundReport r = reader.read(twentyMegabytes, "bounces+7-42-abcdefghijklmnop@tidings.example.org");

        assertEquals(InboundReport.other("too large: over 10 MB, not parsed"), r);
        assertEquals(-1, twentyMegabytes.read(), "the whole message was consumed, as a pipe must be");
        assertEquals(20L * 1024 * 1024, twentyMegabytes.served);
    }

    @Test
    void envelopeRecipientWinsOverDeliveryHeaders() throws IOException {
        InboundReport r;
        try (InputStream in = fixture("postfix-hard.eml")) {
            r = reader.read(in, "bounces+8-99-qrstuvwxyzabcdef@tidings.example.org");
        }

        assertEquals("8-99-qrstuvwxyzabcdef", r.verpDetail());
        assertEquals(InboundKind.HARD_BOUNCE, r.kind());
    }

    @Test
    void envelopeRecipientThatIsNotAVerpAddressFallsBackToHeaders() throws IOException {
        InboundReport r;
        try (InputStream in = fixture("postfix-hard.eml")) {
            r = reader.read(in, "postmaster@tidings.example.org");
        }

        assertEquals("7-42-abcdefghijklmnop", r.verpDetail());
    }

    @Test
    void neverTakesTheDetailFromFrom() throws IOException {
        InboundReport r = readText("""
                From: Mail Delivery System <bounces+7-42-abcdefghijklmnop@tidings.example.org>
                Sender: bounces+unsubscribe-42-abcdefghijklmnop@tidings.example.org
                Reply-To: bounces+unsubscribe-42-abcdefghijklmnop@tidings.example.org
                To: bounces@tidings.example.org, someone@elsewhere.example
                Subject: Undelivered Mail Returned to Sender

                Your message to nobody@example.net could not be delivered.
                """, null);

        assertEquals(InboundKind.OTHER, r.kind());
        assertNull(r.verpDetail());
    }

    @Test
    void takesOnlyVerpAddressesAtTheBounceDomain() throws IOException {
        InboundReport r = readText("""
                To: bounces+1-2-aaaaaaaaaaaaaaaa@elsewhere.example, other+3-4-bbbbbbbbbbbbbbbb@tidings.example.org,
                 "Tidings" <Bounces+5-6-cccccccccccccccc@Tidings.Example.org>
                Subject: hello

                hi
                """, null);

        assertEquals("5-6-cccccccccccccccc", r.verpDetail(), "case kept as found: matching is not ours to do");
    }

    @Test
    void dropsDetailsThatCarryMoreThanTokenCharacters() throws IOException {
        InboundReport r = readText("""
                Delivered-To: "bounces+7-42-x'; drop table"@tidings.example.org
                X-Original-To: bounces+7-42-abcdefghijklmnop@tidings.example.org

                hi
                """, null);

        assertEquals("7-42-abcdefghijklmnop", r.verpDetail());
    }

    @Test
    void readsDeliveredDsnAsOther() throws IOException {
        String delivered = new String(fixture("postfix-hard.eml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("Action: failed", "Action: delivered").replace("Status: 5.1.1", "Status: 2.0.0");

        InboundReport r = readText(delivered, null);

        assertEquals(InboundKind.OTHER, r.kind());
        assertEquals("a delivery report saying delivered", r.diagnostic());
        assertEquals("<tidings.7.42.abcdefghijklmnop@tidings.example.org>", r.originalMessageId());
    }

    @Test
    void readsFailureWithGarbledStatusAsSoftNotHard() throws IOException {
        String garbled = new String(fixture("postfix-hard.eml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("Status: 5.1.1", "Status: permanent");

        InboundReport r = readText(garbled, null);

        assertEquals(InboundKind.SOFT_BOUNCE, r.kind());
        assertNull(r.status());
    }

    @Test
    void readsNotSpamFeedbackAsOther() throws IOException {
        String notSpam = new String(fixture("arf-complaint.eml").readAllBytes(), StandardCharsets.UTF_8)
                .replace("Feedback-Type: abuse", "Feedback-Type: not-spam");

        InboundReport r = readText(notSpam, null);

        assertEquals(InboundKind.OTHER, r.kind());
        assertEquals("a feedback report of type not-spam, not a complaint", r.diagnostic());
    }

    /** Headers, then filler lines up to {@code size} bytes, generated as read: nothing is held in memory. */
    static final class CountingStream extends InputStream {
        private static final byte[] HEAD = "Subject: big\r\nContent-Type: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        long served;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (served >= size) {
                return -1;
            }
            int b = served < HEAD.length ? HEAD[(int) served] : served % 78 == 77 ? '\n' : 'x';
            served++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            if (served >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - served);
            for (int i = 0; i < n; i++) {
                buf[off + i] = (byte) read();
            }
            return n;
        }
    }
}
