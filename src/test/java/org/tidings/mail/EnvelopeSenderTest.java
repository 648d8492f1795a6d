package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.EmailAddress;

/**
 * The SMTP envelope sender (MAIL FROM) is each message's own Return-Path. GreenMail writes what it
 * got in MAIL FROM as the Return-Path header, as a receiving server does.
 */
class EnvelopeSenderTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static MailMessage message(String messageId, String returnPath) {
        MailMessage m = MailFixtures.message("reader@example.org", messageId);
        return new MailMessage(m.to(), m.toName(), m.subject(), m.text(), m.html(), m.messageId(), m.list(),
                returnPath == null ? null : EmailAddress.parse(returnPath));
    }

    /** Return-Path headers of each received message, by Message-ID. */
    private static Map<String, String[]> returnPaths() throws Exception {
        Map<String, String[]> byId = new TreeMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            byId.put(m.getMessageID(), m.getHeader("Return-Path"));
        }
        return byId;
    }

    @Test
    void eachMessageOnOneConnectionGoesOutWithItsOwnEnvelopeSender() throws Exception {
        Mailer mailer = Mailers.create(MailFixtures.smtp(greenMail.getSmtp().getPort(), 100), null, MailFixtures.CLOCK);

        try (MailSession session = mailer.open()) {
            session.send(message("<a@tidings.example.org>", "bounces+1-7-aaaaaaaaaaaaaaaa@tidings.example.org"));
            session.send(message("<b@tidings.example.org>", "bounces+1-8-bbbbbbbbbbbbbbbb@tidings.example.org"));
            session.send(message("<c@tidings.example.org>", null));
        }

        Map<String, String[]> paths = returnPaths();
        // One header each: the server's. Tidings writes none into what it sends over SMTP.
        assertArrayEquals(new String[] {"<bounces+1-7-aaaaaaaaaaaaaaaa@tidings.example.org>"},
                paths.get("<a@tidings.example.org>"));
        assertArrayEquals(new String[] {"<bounces+1-8-bbbbbbbbbbbbbbbb@tidings.example.org>"},
                paths.get("<b@tidings.example.org>"));
        assertArrayEquals(new String[] {"<news@tidings.example.org>"}, paths.get("<c@tidings.example.org>"));
        assertEquals(3, paths.size());
    }

    @Test
    void aSignedMessageKeepsItsOwnEnvelopeSender(@TempDir Path keys) throws Exception {
        DkimKey key = DkimKey.load(DkimTestKeys.write(DkimTestKeys.ed25519(), keys));
        Mailer mailer = Mailers.create(MailFixtures.smtp(greenMail.getSmtp().getPort(), 100), null, MailFixtures.CLOCK,
                () -> 1, key);

        try (MailSession session = mailer.open()) {
            session.send(message("<d@tidings.example.org>", "bounces+1-9-dddddddddddddddd@tidings.example.org"));
        }

        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertArrayEquals(new String[] {"<bounces+1-9-dddddddddddddddd@tidings.example.org>"},
                received.getHeader("Return-Path"));
        assertEquals(1, received.getHeader("DKIM-Signature").length);
    }
}
