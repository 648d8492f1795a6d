package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.config.MailConfig;
import org.tidings.config.SmtpConfig;

/** How SMTP replies and broken connections become outcomes, and how connections are reused. */
class SmtpFailureTest {
    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

    @AfterEach
    void stop() {
        smtp.close();
    }

    private MailSession open(int messagesPerConnection) throws MailUnavailableException {
        return Mailers.create(MailFixtures.smtp(smtp.port(), messagesPerConnection), null, MailFixtures.CLOCK).open();
    }

    private static SendOutcome send(MailSession session, String to) throws MailUnavailableException {
        return session.send(MailFixtures.message(to, "<" + to.replace('@', '.') + "@tidings.example.org>"));
    }

    @Test
    void defersOnTransientRcptReplies() throws Exception {
        smtp.onRcpt("busy@example.org", "450 4.2.1 Mailbox busy");
        smtp.onRcpt("greylisted@example.org", "451 4.7.1 Greylisted, try again later");
        try (MailSession session = open(100)) {
            assertEquals(new SendOutcome.Deferred("450 4.2.1 Mailbox busy"), send(session, "busy@example.org"));
            assertEquals(new SendOutcome.Deferred("451 4.7.1 Greylisted, try again later"),
                    send(session, "greylisted@example.org"));
        }
        assertEquals(List.of(), smtp.received());
    }

    @Test
    void rejectsOnPermanentRcptReplies() throws Exception {
        smtp.onRcpt("gone@example.org", "550 5.1.1 No such user");
        smtp.onRcpt("bad@example.org", "553 5.1.3 Bad recipient address syntax");
        try (MailSession session = open(100)) {
            assertEquals(new SendOutcome.Rejected("550 5.1.1 No such user"), send(session, "gone@example.org"));
            assertEquals(new SendOutcome.Rejected("553 5.1.3 Bad recipient address syntax"),
                    send(session, "bad@example.org"));
        }
    }

    @Test
    void rejectsOnPermanentReplyAfterData() throws Exception {
        smtp.onData("spam@example.org", "554 5.7.1 Message looks like spam");
        try (MailSession session = open(100)) {
            assertEquals(new SendOutcome.Rejected("554 5.7.1 Message looks like spam"), send(session, "spam@example.org"));
        }
        assertEquals(List.of(), smtp.received());
    }

    @Test
    void defersOnServiceClosingAndReconnectsForNextMessage() throws Exception {
        smtp.onData("first@example.org", "421 4.3.2 Shutting down");
        try (MailSession session = open(100)) {
            assertEquals(new SendOutcome.Deferred("421 4.3.2 Shutting down"), send(session, "first@example.org"));
            assertEquals(new SendOutcome.Sent(), send(session, "second@example.org"));
        }
        assertEquals(2, smtp.connections());
        assertEquals(List.of("second@example.org"), smtp.received().get(0).recipients());
    }

    @Test
    void defersWhenConnectionDropsMidMessageAndReconnects() throws Exception {
        smtp.onData("flaky@example.org", ScriptedSmtpServer.DROP, "250 2.0.0 Queued");
        try (MailSession session = open(100)) {
            SendOutcome dropped = send(session, "flaky@example.org");
            assertInstanceOf(SendOutcome.Deferred.class, dropped);
            assertTrue(((SendOutcome.Deferred) dropped).reason().equals("connection lost: the server closed the connection"), dropped.toString());
            assertEquals(new SendOutcome.Sent(), send(session, "flaky@example.org"));
        }
        assertEquals(2, smtp.connections());
        assertEquals(1, smtp.received().size());
    }

    @Test
    void defersWhenConnectionDropsAtRcpt() throws Exception {
        smtp.onRcpt("flaky@example.org", ScriptedSmtpServer.DROP, "250 2.1.5 OK");
        try (MailSession session = open(100)) {
            assertInstanceOf(SendOutcome.Deferred.class, send(session, "flaky@example.org"));
            assertEquals(new SendOutcome.Sent(), send(session, "flaky@example.org"));
        }
    }

    @Test
    void carriesOnAfterRejectionOnAFreshConnection() throws Exception {
        smtp.onRcpt("gone@example.org", "550 5.1.1 No such user");
        try (MailSession session = open(100)) {
            assertInstanceOf(SendOutcome.Rejected.class, send(session, "gone@example.org"));
            assertEquals(new SendOutcome.Sent(), send(session, "reader@example.org"));
        }
        assertEquals(2, smtp.connections());
    }

    @Test
    void reusesOneConnectionForManyMessages() throws Exception {
        try (MailSession session = open(100)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(new SendOutcome.Sent(), send(session, "r" + i + "@example.org"));
            }
        }
        assertEquals(1, smtp.connections());
        assertEquals(List.of(1, 1, 1, 1, 1), connectionsUsed());
    }

    @Test
    void rotatesConnectionAfterMessagesPerConnection() throws Exception {
        try (MailSession session = open(2)) {
            for (int i = 0; i < 5; i++) {
                assertEquals(new SendOutcome.Sent(), send(session, "r" + i + "@example.org"));
            }
        }
        assertEquals(3, smtp.connections());
        assertEquals(List.of(1, 1, 2, 2, 3), connectionsUsed());
    }

    @Test
    void usesTheEnvelopeSenderAndOnlyTheRecipient() throws Exception {
        try (MailSession session = open(100)) {
            send(session, "reader@example.org");
        }
        ScriptedSmtpServer.Received received = smtp.received().get(0);
        assertEquals("news@tidings.example.org", received.mailFrom());
        assertEquals(List.of("reader@example.org"), received.recipients());
        assertTrue(received.data().contains("Message-ID: <reader.example.org@tidings.example.org>\r\n"), received.data());
    }

    @Test
    void isUnavailableWhenNothingListens() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Mailer mailer = Mailers.create(MailFixtures.smtp(closedPort, 100), null, MailFixtures.CLOCK);

        MailUnavailableException e = assertThrows(MailUnavailableException.class, mailer::open);

        assertEquals("Could not connect to SMTP server 127.0.0.1:" + closedPort + ": connection refused", e.getMessage());
    }

    @Test
    void isUnavailableWhenServerRefusesService() {
        smtp.greeting("554 5.3.2 No service for you");

        MailUnavailableException e = assertThrows(MailUnavailableException.class, () -> open(100));

        assertTrue(e.getMessage().startsWith("Could not connect to SMTP server 127.0.0.1:" + smtp.port() + ": "),
                e.getMessage());
    }

    @Test
    void isUnavailableWhenLoginFails() {
        smtp.onAuth("535 5.7.8 Authentication credentials invalid");
        MailConfig config = MailFixtures.smtp(new SmtpConfig("127.0.0.1", smtp.port(), "none", "tidings", "wrong"), 100);

        MailUnavailableException e = assertThrows(MailUnavailableException.class,
                () -> Mailers.create(config, null, MailFixtures.CLOCK).open());

        assertEquals("Could not log in to SMTP server 127.0.0.1:" + smtp.port()
                + " as tidings: 535 5.7.8 Authentication credentials invalid", e.getMessage());
    }

    @Test
    void isUnavailableWhenRequiredStartTlsIsNotOffered() {
        MailConfig config = MailFixtures.smtp(new SmtpConfig("127.0.0.1", smtp.port(), "starttls", null, null), 100);

        MailUnavailableException e = assertThrows(MailUnavailableException.class,
                () -> Mailers.create(config, null, MailFixtures.CLOCK).open());

        assertTrue(e.getMessage().startsWith("Could not connect to SMTP server 127.0.0.1:" + smtp.port() + ": ")
                && e.getMessage().contains("STARTTLS"), e.getMessage());
    }

    @Test
    void isUnavailableWhenImplicitTlsFails() {
        MailConfig config = MailFixtures.smtp(new SmtpConfig("127.0.0.1", smtp.port(), "tls", null, null), 100);

        MailUnavailableException e = assertThrows(MailUnavailableException.class,
                () -> Mailers.create(config, null, MailFixtures.CLOCK).open());

        assertTrue(e.getMessage().startsWith("Could not connect to SMTP server 127.0.0.1:" + smtp.port() + ": TLS failed: "),
                e.getMessage());
    }

    @Test
    void isUnavailableOnReconnectWhenServerIsGone() throws Exception {
        try (MailSession session = open(1)) {
            assertEquals(new SendOutcome.Sent(), send(session, "first@example.org"));
            // Gone: every new connection is hung up before the greeting. The scripted server keeps
            // its port, so no other listener can take a freed one before the reconnect.
            smtp.greeting(ScriptedSmtpServer.DROP);

            assertThrows(MailUnavailableException.class, () -> send(session, "second@example.org"));
        }
    }

    private List<Integer> connectionsUsed() {
        return smtp.received().stream().map(ScriptedSmtpServer.Received::connection).toList();
    }
}
