package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.EmailAddress;

/** The outbox adapter: one parseable .eml per Message-ID. */
class FileMailerTest {
    @TempDir
    Path dir;

    private static List<Path> files(Path outbox) throws Exception {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.sorted().toList();
        }
    }

    private static MimeMessage parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    @Test
    void writesParseableEmlNamedAfterMessageId() throws Exception {
        Path outbox = dir.resolve("data/outbox");
        Mailer mailer = Mailers.create(MailFixtures.file(), outbox, MailFixtures.CLOCK);

        try (MailSession session = mailer.open()) {
            assertEquals(new SendOutcome.Sent(), session.send(MailFixtures.message("reader@example.org", "<i1.r7@tidings.example.org>")));
        }

        assertEquals(List.of(outbox.resolve("i1.r7@tidings.example.org.eml")), files(outbox));
        MimeMessage parsed = parse(outbox.resolve("i1.r7@tidings.example.org.eml"));
        assertEquals("<i1.r7@tidings.example.org>", parsed.getMessageID());
        assertEquals("Your tidings", parsed.getSubject());
        assertEquals(MailFixtures.NOW, parsed.getSentDate().toInstant());
        assertEquals("List-Unsubscribe=One-Click", parsed.getHeader("List-Unsubscribe-Post", null));
        MimeMultipart parts = (MimeMultipart) parsed.getContent();
        assertEquals("Hello in text", parts.getBodyPart(0).getContent().toString().strip());
    }

    @Test
    void writesCrlfLineEndings() throws Exception {
        Mailer mailer = Mailers.create(MailFixtures.file(), dir, MailFixtures.CLOCK);
        try (MailSession session = mailer.open()) {
            session.send(MailFixtures.message("reader@example.org", "<crlf@tidings.example.org>"));
        }

        String eml = Files.readString(dir.resolve("crlf@tidings.example.org.eml"), StandardCharsets.US_ASCII);
        assertTrue(eml.replace("\r\n", "").indexOf('\n') < 0, "bare LF in the file");
    }

    @Test
    void writesTheReturnPathAsTheFirstHeaderInPlaceOfTheReceivingServer() throws Exception {
        Mailer mailer = Mailers.create(MailFixtures.file(), dir, MailFixtures.CLOCK);
        MailMessage m = MailFixtures.message("reader@example.org", "<verp@tidings.example.org>");
        MailMessage verp = new MailMessage(m.to(), m.toName(), m.subject(), m.text(), m.html(), m.messageId(), m.list(),
                EmailAddress.parse("bounces+1-7-abcdefghijklmnop@tidings.example.org"));

        try (MailSession session = mailer.open()) {
            session.send(verp);
        }

        Path file = dir.resolve("verp@tidings.example.org.eml");
        String eml = Files.readString(file, StandardCharsets.US_ASCII);
        assertTrue(eml.startsWith("Return-Path: <bounces+1-7-abcdefghijklmnop@tidings.example.org>\r\n"), eml);
        assertEquals(1, parse(file).getHeader("Return-Path").length);
        assertEquals("<verp@tidings.example.org>", parse(file).getMessageID());
    }

    @Test
    void writesNoReturnPathWhenBouncesGoToMailFrom() throws Exception {
        Mailer mailer = Mailers.create(MailFixtures.file(), dir, MailFixtures.CLOCK);

        try (MailSession session = mailer.open()) {
            session.send(MailFixtures.message("reader@example.org", "<plain@tidings.example.org>"));
        }

        assertNull(parse(dir.resolve("plain@tidings.example.org.eml")).getHeader("Return-Path"));
    }

    @Test
    void sameMessageIdReplacesTheFile() throws Exception {
        Mailer mailer = Mailers.create(MailFixtures.file(), dir, MailFixtures.CLOCK);
        MailMessage first = MailFixtures.message("reader@example.org", "<same@tidings.example.org>");
        MailMessage again = new MailMessage(first.to(), first.toName(), "Second try", first.text(), first.html(),
                first.messageId(), first.list());

        try (MailSession session = mailer.open()) {
            session.send(first);
            session.send(again);
        }

        assertEquals(List.of(dir.resolve("same@tidings.example.org.eml")), files(dir));
        assertEquals("Second try", parse(dir.resolve("same@tidings.example.org.eml")).getSubject());
    }

    @Test
    void fileNamesAreSafeAndDistinct() {
        assertEquals("a.b@x.org.eml", FileMailer.fileName("<a.b@x.org>"));
        String slash = FileMailer.fileName("<a/b@x.org>");
        String underscore = FileMailer.fileName("<a_b@x.org>");
        assertTrue(slash.matches("a_b@x\\.org-[0-9a-f]{12}\\.eml"), slash);
        assertNotEquals(slash, underscore);
        assertTrue(FileMailer.fileName("<../../etc/passwd>").matches("[A-Za-z0-9._@+=-]+\\.eml"));
        assertTrue(!FileMailer.fileName("<../../etc/passwd>").startsWith("."));
        assertTrue(FileMailer.fileName("<" + "x".repeat(500) + "@x.org>").length() < 150);
    }

    @Test
    void isUnavailableWhenOutboxCannotBeCreated() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "file");
        Mailer mailer = Mailers.create(MailFixtures.file(), blocker.resolve("outbox"), MailFixtures.CLOCK);

        MailUnavailableException e = assertThrows(MailUnavailableException.class, mailer::open);

        assertTrue(e.getMessage().startsWith("Could not write to outbox " + blocker.resolve("outbox")), e.getMessage());
    }
}
