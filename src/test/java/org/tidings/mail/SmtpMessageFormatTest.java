package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tidings.model.EmailAddress;

/** What a message looks like when it reaches a real SMTP server. */
class SmtpMessageFormatTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private MimeMessage sendOne(MailMessage message) throws Exception {
        Mailer mailer = Mailers.create(MailFixtures.smtp(greenMail.getSmtp().getPort(), 100), null, MailFixtures.CLOCK);
        try (MailSession session = mailer.open()) {
            assertEquals(new SendOutcome.Sent(), session.send(message));
        }
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }

    @Test
    void sendsTextThenHtmlAsMultipartAlternative() throws Exception {
        MimeMessage received = sendOne(MailFixtures.message("reader@example.org", "<m1@tidings.example.org>"));

        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        assertEquals("1.0", received.getHeader("MIME-Version", null));
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals("Hello in text", parts.getBodyPart(0).getContent().toString().strip());
        assertEquals("<p>Hello in HTML</p>", parts.getBodyPart(1).getContent().toString().strip());
    }

    @Test
    void encodesUtf8SubjectBodiesAndNames() throws Exception {
        String subject = "Les « nouvelles » de l’été — Grüße aus Köln, ¿qué tal, señora? “Quoted” ‘too’";
        String text = "Ça va très bien. Straße, Mädchen. Mañana, pingüino. “curly” ‘quotes’ — dash";
        MailMessage message = new MailMessage(EmailAddress.parse("zoe@example.org"), "Zoë Müller-Núñez", subject,
                text, "<p>" + text + "</p>", "<m2@tidings.example.org>", null);

        MimeMessage received = sendOne(message);

        assertEquals(subject, received.getSubject());
        String rawSubject = MimeUtility.unfold(received.getHeader("Subject", null));
        assertTrue(rawSubject.startsWith("=?UTF-8?"), rawSubject);
        assertTrue(rawSubject.chars().allMatch(c -> c < 0x80), "RFC 2047 keeps the header ASCII: " + rawSubject);
        InternetAddress to = (InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertEquals("Zoë Müller-Núñez", to.getPersonal());
        assertEquals("zoe@example.org", to.getAddress());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("Tidings Wöchentlich", from.getPersonal());
        assertEquals("news@tidings.example.org", from.getAddress());
        MimeMultipart parts = (MimeMultipart) received.getContent();
        for (int i = 0; i < 2; i++) {
            BodyPart part = parts.getBodyPart(i);
            assertTrue(part.getContentType().toLowerCase().contains("charset=utf-8"), part.getContentType());
            assertTrue(part.getContent().toString().contains(text));
        }
    }

    @Test
    void keepsOurMessageIdAndStampsDateFromClock() throws Exception {
        MimeMessage received = sendOne(MailFixtures.message("reader@example.org", "<issue-42.7@tidings.example.org>"));

        assertArrayEquals(new String[] {"<issue-42.7@tidings.example.org>"}, received.getHeader("Message-ID"));
        assertEquals(MailFixtures.NOW, received.getSentDate().toInstant());
    }

    @Test
    void addsListHeadersForNewsletters() throws Exception {
        MimeMessage received = sendOne(MailFixtures.message("reader@example.org", "<m3@tidings.example.org>"));

        assertEquals("Tidings <tidings.example.org>", MimeUtility.unfold(received.getHeader("List-Id", null)));
        assertEquals("<https://tidings.example.org/unsubscribe?t=abc123>, "
                + "<mailto:unsubscribe@tidings.example.org?subject=abc123>",
                MimeUtility.unfold(received.getHeader("List-Unsubscribe", null)));
        assertEquals("List-Unsubscribe=One-Click", received.getHeader("List-Unsubscribe-Post", null));
        assertEquals("editor@tidings.example.org", ((InternetAddress) received.getReplyTo()[0]).getAddress());
    }

    @Test
    void sendsTextOnlyWithoutListHeadersForConfirmationMail() throws Exception {
        MailMessage confirmation = new MailMessage(EmailAddress.parse("new@example.org"), null, "Confirm",
                "Click the link", null, "<confirm-1@tidings.example.org>", null);

        MimeMessage received = sendOne(confirmation);

        assertTrue(received.isMimeType("text/plain"), received.getContentType());
        assertEquals("Click the link", received.getContent().toString().strip());
        assertNull(received.getHeader("List-Id"));
        assertNull(received.getHeader("List-Unsubscribe"));
        assertNull(received.getHeader("List-Unsubscribe-Post"));
    }

    @Test
    void neutralizesHeaderInjectionInSubjectAndName() throws Exception {
        MailMessage attack = new MailMessage(EmailAddress.parse("reader@example.org"), "Eve\r\nCc: cc@x.org",
                "Hi\r\nBcc: evil@x.org", "body", null, "<m4@tidings.example.org>\r\nX-Evil: 1",
                new ListHeaders("Tidings\nX-Evil: 2 <tidings.example.org>", null, null, "7:tidings\r\nX-Evil: 3:x"));

        MimeMessage received = sendOne(attack);

        assertNull(received.getHeader("Bcc"));
        assertNull(received.getHeader("Cc"));
        assertNull(received.getHeader("X-Evil"));
        List<String> lines = Collections.list(received.getAllHeaderLines());
        assertEquals(1, lines.stream().filter(l -> l.regionMatches(true, 0, "Subject:", 0, 8)).count(), lines::toString);
        assertEquals("Hi  Bcc: evil@x.org", received.getSubject());
        assertEquals("7:tidings  X-Evil: 3:x", received.getHeader("Feedback-ID", null));
        Address[] recipients = received.getAllRecipients();
        assertEquals(1, recipients.length);
        assertEquals("reader@example.org", ((InternetAddress) recipients[0]).getAddress());
        assertEquals("Eve  Cc: cc@x.org", ((InternetAddress) recipients[0]).getPersonal());
    }

    @Test
    void keepsLongLinesIntact() throws Exception {
        String longLine = "word ".repeat(1000) + "é" + "x".repeat(3000);
        MailMessage message = new MailMessage(EmailAddress.parse("reader@example.org"), null, "Long", longLine,
                "<p>" + longLine + "</p>", "<m5@tidings.example.org>", null);

        MimeMessage received = sendOne(message);

        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertEquals(longLine, parts.getBodyPart(0).getContent().toString());
        assertEquals("<p>" + longLine + "</p>", parts.getBodyPart(1).getContent().toString());
    }

    static Stream<String> trickyBodies() {
        return Stream.of(
                // quoted-printable: non-ASCII, '=' signs, long lines, trailing blanks, dots at line starts, mixed line ends
                "Grüße = 1 + 1 == 2\r\n.\n..hidden\r.dot\ntrailing space \r\ntrailing tab\t\n" + "=".repeat(120)
                        + "\n" + "ü".repeat(700) + "x".repeat(3000) + "\n \n\t\nFrom me\n.\n end ",
                // 7bit: ASCII with short lines, and dots and blanks that SMTP must carry through
                "Plain ASCII.\r\n.\r\n.leading dot\nspace at end \ntab at end\t\r\n\n= sign\n..",
                // base64: mostly non-ASCII
                "Привет, мир! Это письмо почти целиком не на латинице.\n.\nЕщё строка \r\nи ещё =");
    }

    @ParameterizedTest
    @MethodSource("trickyBodies")
    void carriesTrickyBodiesThroughUnchanged(String body) throws Exception {
        MailMessage message = new MailMessage(EmailAddress.parse("reader@example.org"), null, "Tricky", body,
                "<pre>" + body + "</pre>", "<m6@tidings.example.org>", MailFixtures.newsletter());

        MimeMessage received = sendOne(message);

        // MIME text has one line end, CRLF; any other is carried as one.
        String expected = body.replaceAll("\r\n|\r|\n", "\r\n");
        MimeMultipart parts = (MimeMultipart) received.getContent();
        assertEquals(expected, parts.getBodyPart(0).getContent());
        assertEquals("<pre>" + expected + "</pre>", parts.getBodyPart(1).getContent());
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received.writeTo(raw);
        for (String line : raw.toString(StandardCharsets.ISO_8859_1).split("\r\n", -1)) {
            assertTrue(line.length() <= 998, () -> "line of " + line.length() + " octets");
            assertTrue(line.indexOf('\r') < 0 && line.indexOf('\n') < 0, () -> "bare CR or LF in: " + line);
        }
    }

    @Test
    void sendsManyMessagesOnOneSession() throws Exception {
        Mailer mailer = Mailers.create(MailFixtures.smtp(greenMail.getSmtp().getPort(), 100), null, MailFixtures.CLOCK);
        try (MailSession session = mailer.open()) {
            for (int i = 0; i < 5; i++) {
                SendOutcome outcome = session.send(MailFixtures.message("r" + i + "@example.org", "<s" + i + "@t.example.org>"));
                assertInstanceOf(SendOutcome.Sent.class, outcome);
            }
        }

        assertEquals(5, greenMail.getReceivedMessages().length);
    }
}
