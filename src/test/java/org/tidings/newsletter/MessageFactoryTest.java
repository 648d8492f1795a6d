package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestSmtp;
import org.tidings.config.MailConfig;
import org.tidings.config.SmtpConfig;
import org.tidings.mail.MailMessage;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.PublicLinks;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.render.RenderedEmail;

/**
 * A digest's Message-ID is {@code <tidings.ISSUE.SUBSCRIBER.MAC@from-domain>}: the same for a resend,
 * so a resent message is recognisably the same one, and not one that a stranger could make up. Its
 * VERP addresses fit in a mail server's 64-character local part.
 */
class MessageFactoryTest {
    private static final Pattern FORM = Pattern.compile("<tidings\\.(\\d+)\\.(\\d+)\\.([a-z2-7]{16})@tidings\\.example\\.org>");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private NewsletterFixture fx;

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    private static Subscriber subscriber(long id, String token) {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        return new Subscriber(id, EmailAddress.parse("s" + id + "@example.org"), null, SubscriberStatus.ACTIVE,
                List.of(), token, t, t, null);
    }

    private static MessageFactory factory() {
        return factory(null);
    }

    private static MessageFactory factory(EmailAddress bounceAddress) {
        MailConfig mail = new MailConfig("file", TestSmtp.FROM, "Tidings", null, new SmtpConfig(null, 25, "none", null,
                null), 1, 0, 100, 5, Duration.ofSeconds(30));
        return new MessageFactory(mail, bounceAddress, new PublicLinks(URI.create("https://tidings.example.org/")), "Tidings");
    }

    @Test
    void isStableForTheSameIssueAndSubscriberAndCarriesTheirMac() {
        MessageFactory messages = factory();
        Issue issue = new Issue(10, 4, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "Tidings");
        Subscriber s = subscriber(7, "a-secret-token-of-subscriber-seven");

        String id = messages.messageId(issue, s);

        Matcher m = FORM.matcher(id);
        assertTrue(m.matches(), id);
        assertEquals("4", m.group(1));
        assertEquals("7", m.group(2));
        assertEquals(BounceTokens.messageIdMac(4, s), m.group(3));
        assertEquals(id, messages.messageId(issue, subscriber(7, "a-secret-token-of-subscriber-seven")));
    }

    @Test
    void cannotBeMadeWithoutTheSubscribersSecret() {
        MessageFactory messages = factory();
        Issue issue = new Issue(10, 4, Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "Tidings");

        String real = messages.messageId(issue, subscriber(7, "a-secret-token-of-subscriber-seven"));
        String guess = messages.messageId(issue, subscriber(7, "someone-elses-guess-at-the-token"));
        String nextIssue = messages.messageId(new Issue(11, 5, Instant.EPOCH, Instant.EPOCH, "Tidings"),
                subscriber(7, "a-secret-token-of-subscriber-seven"));

        assertNotEquals(real, guess);
        assertNotEquals(macOf(real), macOf(nextIssue));
    }

    @Test
    void theLedgerKeepsTheMessageIdThatWasSent() throws Exception {
        fx = new NewsletterFixture(dir, greenMail.getSmtp().getPort(), Map.of());
        fx.feed("Le Monde", "Presse", "Grève générale");
        Subscriber ana = fx.subscriber("ana@example.org", true);
        fx.clock.advance(Duration.ofMinutes(1));

        fx.sender().send();

        String sent = greenMail.getReceivedMessages()[0].getMessageID();
        assertTrue(FORM.matcher(sent).matches(), sent);
        assertEquals(BounceTokens.messageIdMac(1, ana), macOf(sent));
        assertEquals(sent, ledgerMessageId(ana.id()));
    }

    @Test
    void theLongestBounceAddressTakesTheLongestTokensWithinSixtyFourCharacters() {
        MessageFactory messages = factory(EmailAddress.parse("b".repeat(24) + "@tidings.example.org"));
        Subscriber s = subscriber(9_999_999_999L, "a-secret-token-of-a-late-subscriber");
        Issue issue = new Issue(1, 999_999_999, Instant.EPOCH, Instant.EPOCH, "Tidings");

        MailMessage m = messages.digest(issue, s, new RenderedEmail("Tidings", "text", null));

        String mailto = m.list().unsubscribeMailto().getSchemeSpecificPart();
        String mailtoLocal = mailto.substring(0, mailto.indexOf('@'));
        assertTrue(BounceTokens.isDelivery(m.returnPath().localPart().substring(25), 999_999_999, s));
        assertTrue(BounceTokens.isUnsubscribe(mailtoLocal.substring(25), s), mailtoLocal);
        assertTrue(m.returnPath().localPart().length() <= 64, m.returnPath().value());
        assertTrue(mailtoLocal.length() <= 64, mailtoLocal);
    }

    private static String macOf(String messageId) {
        Matcher m = FORM.matcher(messageId);
        assertTrue(m.matches(), messageId);
        return m.group(3);
    }

    private String ledgerMessageId(long subscriberId) throws Exception {
        try (Connection c = fx.tidings.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT message_id FROM deliveries WHERE subscriber_id = ?")) {
            ps.setLong(1, subscriberId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }
}
