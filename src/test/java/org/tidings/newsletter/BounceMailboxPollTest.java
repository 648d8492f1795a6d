package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.config.DeliverabilityConfig.InboundConfig;
import org.tidings.mail.InboundReader;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;

/**
 * The whole way back: an issue sent through GreenMail's SMTP, the reports of real MTAs' formats
 * about it waiting in GreenMail's IMAP or POP3 bounce mailbox, and serve's poll acting on them.
 */
class BounceMailboxPollTest {
    private static final String PASSWORD = "b0unce-Pa55";
    private static final EmailAddress BOUNCE = EmailAddress.parse("bounces@tidings.example.org");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.POP3.dynamicPort()});

    @TempDir
    Path dir;
    private NewsletterFixture f;
    private GreenMailUser mailbox;
    private Subscriber ana;
    private Subscriber ben;
    private Subscriber cleo;

    @BeforeEach
    void sendAnIssue() throws Exception {
        f = new NewsletterFixture(dir, greenMail.getSmtp().getPort(),
                Map.of("TIDINGS_MAIL_BOUNCE_ADDRESS", BOUNCE.value()));
        ana = f.subscriber("ana@example.org", true);
        ben = f.subscriber("ben@example.org", true);
        cleo = f.subscriber("cleo@example.org", true);
        f.feed("Le Monde", "Presse", "Grève générale");
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(3, f.sender().send().sent());
        mailbox = greenMail.setUser(BOUNCE.value(), "bounces", PASSWORD);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void imapPollBouncesByTokenUnsubscribesAComplainerByMessageIdAndMovesTheRestAside() throws Exception {
        deliver("postfix-hard.eml", "bounces+7-42-abcdefghijklmnop@tidings.example.org", header(ana, "Return-Path"));
        deliver("arf-complaint.eml", "<tidings.7.46.efghijklmnopqrst@tidings.example.org>", header(ben, "Message-ID"));
        deliver("auto-reply.eml", "bounces+7-42-abcdefghijklmnop@tidings.example.org", header(cleo, "Return-Path"));

        poll("imap", greenMail.getImap().getPort(), "/INBOX");

        assertEquals(SubscriberStatus.BOUNCED, status(ana));
        assertEquals(SubscriberStatus.UNSUBSCRIBED, status(ben));
        assertTrue(f.tidings.subscribers().suppressions().find(ben.email()).isPresent(), "a complainer is suppressed");
        assertEquals(SubscriberStatus.ACTIVE, status(cleo));
        assertEquals(0, count("INBOX"));
        assertEquals(1, count("Tidings-Ignored"));
    }

    @Test
    void pop3PollActsOnTheSameReportsAndTheSecondPollFindsNothingToRepeat() throws Exception {
        deliver("exim-hard.eml", "bounces+7-43-bcdefghijklmnopq@tidings.example.org", header(cleo, "Return-Path"));

        poll("pop3", greenMail.getPop3().getPort(), "");
        poll("pop3", greenMail.getPop3().getPort(), "");

        assertEquals(SubscriberStatus.BOUNCED, status(cleo));
        assertEquals(1, f.tidings.mailEvents().ofSubscriber(cleo.id(), 10).size());
        assertEquals(SubscriberStatus.ACTIVE, status(ana));
    }

    @Test
    void aMailboxThatRefusesTheLoginFailsThePollAndLeavesItsMessages() throws Exception {
        deliver("postfix-hard.eml", "bounces+7-42-abcdefghijklmnop@tidings.example.org", header(ana, "Return-Path"));
        InboundConfig wrong = new InboundConfig(URI.create("imap://bounces:wrong@127.0.0.1:"
                + greenMail.getImap().getPort() + "/INBOX"), Duration.ofMinutes(5));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new BounceMailboxPoll(wrong, new InboundReader(BOUNCE), f.tidings::mailFeedback).run());

        assertTrue(!e.getMessage().contains("wrong") && e.getMessage().contains("imap://bounces:***@"), e.getMessage());
        assertEquals(1, count("INBOX"));
        assertEquals(SubscriberStatus.ACTIVE, status(ana));
    }

    private void poll(String scheme, int port, String path) {
        InboundConfig config = new InboundConfig(URI.create(scheme + "://bounces:" + PASSWORD + "@127.0.0.1:" + port
                + path), Duration.ofMinutes(5));
        new BounceMailboxPoll(config, new InboundReader(BOUNCE), f.tidings::mailFeedback).run();
    }

    /** A fixture, its placeholder replaced by what the issue really carried, put in the bounce mailbox. */
    private void deliver(String fixture, String placeholder, String real) throws Exception {
        String text = Files.readString(Path.of("src/test/resources/inbound", fixture), StandardCharsets.UTF_8);
        assertTrue(text.contains(placeholder), fixture + " holds " + placeholder);
        byte[] raw = text.replace(placeholder, real).getBytes(StandardCharsets.UTF_8);
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
    }

    /** A header of the message GreenMail received for the subscriber (Return-Path: as the envelope said). */
    private static String header(Subscriber s, String name) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessagesForDomain(s.email().domain())) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(s.email().value())) {
                String value = m.getHeader(name, null);
                return name.equals("Return-Path") ? value.replaceAll("[<>]", "").strip() : value.strip();
            }
        }
        throw new AssertionError("nothing received for " + s.email());
    }

    private SubscriberStatus status(Subscriber s) {
        return f.tidings.subscribers().find(s.id()).orElseThrow().status();
    }

    private int count(String folderName) throws Exception {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.getImap().getPort(), "bounces", PASSWORD);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return 0;
            }
            folder.open(Folder.READ_ONLY);
            int n = folder.getMessageCount();
            folder.close(false);
            return n;
        } finally {
            store.close();
        }
    }
}
