package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Subscriber;
import org.tidings.subscribers.Confirmations;

/**
 * With {@code mail.bounce-address}, each digest's envelope sender names its delivery (VERP) and its
 * List-Unsubscribe mailto names its subscriber, both with tokens only we can make; without it,
 * bounces go to {@code mail.from} and only the https link is offered. Read from what GreenMail
 * received: it writes the MAIL FROM it was given as the Return-Path header.
 */
class ReturnPathTest {
    private static final Pattern VERP = Pattern.compile("<bounces\\+([^@>]+)@tidings\\.example\\.org>");
    private static final Pattern MAILTO = Pattern.compile(
            "<mailto:bounces\\+([^@>]+)@tidings\\.example\\.org\\?subject=unsubscribe>");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private NewsletterFixture fx;

    private NewsletterFixture fixture(Map<String, String> extra) {
        fx = new NewsletterFixture(dir, greenMail.getSmtp().getPort(), extra);
        return fx;
    }

    private NewsletterFixture withBounceAddress() {
        return fixture(Map.of("TIDINGS_MAIL_BOUNCE_ADDRESS", "bounces@tidings.example.org"));
    }

    @AfterEach
    void close() {
        if (fx != null) {
            fx.close();
        }
    }

    /** Sends issue 1 of one article to these active subscribers. */
    private static List<Subscriber> sendIssueTo(NewsletterFixture f, String... emails) throws Exception {
        f.feed("Le Monde", "Presse", "Grève générale");
        List<Subscriber> subscribers = java.util.Arrays.stream(emails).map(e -> f.subscriber(e, true)).toList();
        f.clock.advance(Duration.ofMinutes(1));
        assertEquals(emails.length, f.sender().send().sent());
        return subscribers;
    }

    private static MimeMessage receivedBy(Subscriber s) throws Exception {
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(s.email().value())) {
                return m;
            }
        }
        throw new AssertionError("nothing received by " + s.email());
    }

    /** The detail after "+" of the one Return-Path header. */
    private static String verpDetail(MimeMessage m) throws Exception {
        String[] returnPath = m.getHeader("Return-Path");
        assertEquals(1, returnPath.length, "only the receiving server writes a Return-Path");
        Matcher match = VERP.matcher(returnPath[0]);
        assertTrue(match.matches(), returnPath[0]);
        return match.group(1);
    }

    @Test
    void eachDigestBouncesToAnAddressNamingItsDeliveryThatOnlyWeCanMake() throws Exception {
        List<Subscriber> subs = sendIssueTo(withBounceAddress(), "ana@example.org", "bob@example.org");
        Subscriber ana = subs.get(0);
        Subscriber bob = subs.get(1);

        String anaDetail = verpDetail(receivedBy(ana));
        String bobDetail = verpDetail(receivedBy(bob));

        assertTrue(BounceTokens.isDelivery(anaDetail, 1, ana), anaDetail);
        assertTrue(BounceTokens.isDelivery(bobDetail, 1, bob), bobDetail);
        assertEquals(new BounceTokens.DeliveryRef(1, ana.id()), BounceTokens.parseDelivery(anaDetail).orElseThrow());
        assertNotEquals(anaDetail, bobDetail);
        assertFalse(BounceTokens.isDelivery(anaDetail, 1, bob));
        assertFalse(BounceTokens.isDelivery(anaDetail, 2, ana));
    }

    @Test
    void listUnsubscribeOffersAMailtoToTheBounceAddressWithTheSubscribersToken() throws Exception {
        Subscriber ana = sendIssueTo(withBounceAddress(), "ana@example.org").get(0);

        MimeMessage m = receivedBy(ana);
        String listUnsubscribe = MimeUtility.unfold(m.getHeader("List-Unsubscribe", null));

        Matcher mailto = MAILTO.matcher(listUnsubscribe);
        assertTrue(mailto.find(), listUnsubscribe);
        assertTrue(BounceTokens.isUnsubscribe(mailto.group(1), ana), mailto.group(1));
        assertEquals(ana.id(), BounceTokens.parseUnsubscribe(mailto.group(1)).orElseThrow());
        assertTrue(listUnsubscribe.startsWith("<http://localhost:8080/unsubscribe/" + ana.token() + ">, <mailto:"),
                listUnsubscribe);
        assertFalse(mailto.group().contains(ana.token()), "a MAC, never the token of the links: " + listUnsubscribe);
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
    }

    @Test
    void withoutABounceAddressBouncesGoToMailFromAndOnlyTheHttpsLinkIsOffered() throws Exception {
        Subscriber ana = sendIssueTo(fixture(Map.of()), "ana@example.org").get(0);

        MimeMessage m = receivedBy(ana);

        assertArrayEquals(new String[] {"<news@tidings.example.org>"}, m.getHeader("Return-Path"));
        assertEquals("<http://localhost:8080/unsubscribe/" + ana.token() + ">", m.getHeader("List-Unsubscribe", null));
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
    }

    @Test
    void aConfirmationBouncesToThePlainBounceAddress() throws Exception {
        NewsletterFixture f = withBounceAddress();
        Subscriber pending = f.subscriber("pending@example.org", false);

        assertEquals(List.of(), new Confirmations(f.tidings.newsletter()).send(List.of(pending)));

        assertArrayEquals(new String[] {"<bounces@tidings.example.org>"}, receivedBy(pending).getHeader("Return-Path"));
    }
}
