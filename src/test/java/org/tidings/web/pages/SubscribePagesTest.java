package org.tidings.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.TestSmtp;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.NewSubscriber;
import org.tidings.web.WebFixture;

/** Signing up on the web: the double opt-in, what the page reveals, the rate limit, expiry. */
class SubscribePagesTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(dir, TestSmtp.settings(greenMail.getSmtp().getPort()));
        web.article("Le Monde", "Presse", "Grève générale");
        web.article("Left Voice", "Politics", "General strike");
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void signUpStoresAPendingSubscriberAndSendsOneConfirmation() throws Exception {
        HttpResponse<String> r = web.post("/subscribe", "email=Ana%40Example.org&name=Ana+N%C3%BA%C3%B1ez"
                + "&categories=presse");

        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Check your inbox"), r.body());
        assertTrue(r.body().contains("within 2 days"), r.body());
        Subscriber s = subscriber("ana@example.org");
        assertEquals(SubscriberStatus.PENDING, s.status());
        assertEquals("Ana Núñez", s.name());
        assertEquals(List.of("Presse"), s.categories());
        web.awaitMail();
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertTrue(text(greenMail.getReceivedMessages()[0]).contains("https://tidings.example/confirm/" + s.token()));
    }

    @Test
    void anActiveAddressGetsTheSamePageAndNoEmail() throws Exception {
        web.tidings.subscribers().add(new NewSubscriber(new EmailAddress("bob@example.org"), null, List.of(),
                SubscriberStatus.ACTIVE), web.clock.instant());

        String fresh = web.post("/subscribe", "email=new%40example.org").body();
        String known = web.post("/subscribe", "email=bob%40example.org").body();

        assertEquals(fresh.replace("new@example.org", "X"), known.replace("bob@example.org", "X"));
        web.awaitMail();
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(SubscriberStatus.ACTIVE, subscriber("bob@example.org").status());
    }

    @Test
    void signingUpTwiceWhilePendingSendsTheConfirmationAgain() throws Exception {
        web.post("/subscribe", "email=ana%40example.org");
        web.post("/subscribe", "email=ana%40example.org");

        web.awaitMail();
        assertEquals(2, greenMail.getReceivedMessages().length);
        assertEquals(SubscriberStatus.PENDING, subscriber("ana@example.org").status());
    }

    @Test
    void invalidAddressIsRefusedWithTheFormRefilledAndNothingStored() throws Exception {
        HttpResponse<String> r = web.post("/subscribe", "email=%3Cb%3Enot-an-address&name=Ana&categories=Presse");

        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("That email address does not work"), r.body());
        assertTrue(r.body().contains("value=\"&lt;b&gt;not-an-address\""), r.body());
        assertTrue(r.body().contains("value=\"Ana\""), r.body());
        assertTrue(r.body().contains("value=\"Presse\" checked"), r.body());
        assertFalse(r.body().contains("<b>"), r.body());
        assertEquals(0, web.tidings.subscriberList().page(0, 10).size());
        web.awaitMail();
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void unknownCategoryIsRefused() throws Exception {
        HttpResponse<String> r = web.post("/subscribe", "email=ana%40example.org&categories=Sport");

        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("choose among the listed categories"), r.body());
        assertEquals(0, web.tidings.subscriberList().page(0, 10).size());
    }

    @Test
    void sixthSignUpWithinTenMinutesIsTooManyUntilTheWindowPasses() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, web.post("/subscribe", "email=a" + i + "%40example.org").statusCode());
        }

        HttpResponse<String> over = web.post("/subscribe", "email=late%40example.org");
        web.clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> later = web.post("/subscribe", "email=late%40example.org");

        assertEquals(429, over.statusCode());
        assertTrue(over.body().contains("Too many sign-ups"), over.body());
        assertEquals(200, later.statusCode());
        web.awaitMail();
        assertEquals(6, greenMail.getReceivedMessages().length);
    }

    @Test
    void theSignUpLimitReachedOnOneServerHoldsOnAnotherOnTheSameDatabase() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, web.post("/subscribe", "email=a" + i + "%40example.org").statusCode());
        }

        try (WebFixture other = new WebFixture(dir, TestSmtp.settings(greenMail.getSmtp().getPort()))) {
            HttpResponse<String> over = other.post("/subscribe", "email=late%40example.org");

            assertEquals(429, over.statusCode());
            assertTrue(over.body().contains("Too many sign-ups"), over.body());
        }
    }

    @Test
    void behindALocalProxyEachForwardedClientHasItsOwnLimit() throws Exception {
        for (int i = 0; i < 5; i++) {
            viaProxy("a" + i + "@example.org", "203.0.113.5, 198.51.100.7");
        }

        assertEquals(429, viaProxy("late@example.org", "198.51.100.7").statusCode());
        assertEquals(200, viaProxy("other@example.org", "198.51.100.8").statusCode());
    }

    private HttpResponse<String> viaProxy(String email, String forwardedFor) throws Exception {
        return web.post("/subscribe", "application/x-www-form-urlencoded",
                "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8), "X-Forwarded-For", forwardedFor);
    }

    @Test
    void confirmationActivatesAndConfirmingTwiceShowsTheSamePage() throws Exception {
        web.post("/subscribe", "email=ana%40example.org");
        String token = subscriber("ana@example.org").token();

        HttpResponse<String> first = web.get("/confirm/" + token);
        HttpResponse<String> second = web.get("/confirm/" + token);

        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("You are subscribed"), first.body());
        assertTrue(first.body().contains("/preferences/" + token), first.body());
        assertEquals(first.body(), second.body());
        assertEquals(SubscriberStatus.ACTIVE, subscriber("ana@example.org").status());
    }

    @Test
    void unknownTokenIsAFriendlyNotFoundPage() throws Exception {
        HttpResponse<String> r = web.get("/confirm/nope");

        assertEquals(404, r.statusCode());
        assertTrue(r.body().contains("This confirmation link is not known"), r.body());
        assertTrue(r.body().contains("action=\"/subscribe\""), r.body());
    }

    @Test
    void expiredLinkSaysSignUpAgainAndSigningUpAgainSendsAFreshOne() throws Exception {
        web.post("/subscribe", "email=ana%40example.org");
        String token = subscriber("ana@example.org").token();
        web.clock.advance(Duration.ofDays(2).plusSeconds(1));

        HttpResponse<String> expired = web.get("/confirm/" + token);
        web.post("/subscribe", "email=" + URLEncoder.encode("ana@example.org", StandardCharsets.UTF_8));
        HttpResponse<String> fresh = web.get("/confirm/" + token);

        assertEquals(410, expired.statusCode());
        assertTrue(expired.body().contains("This confirmation link has expired"), expired.body());
        assertTrue(expired.body().contains("value=\"ana@example.org\""), expired.body());
        web.awaitMail();
        assertEquals(2, greenMail.getReceivedMessages().length);
        assertEquals(200, fresh.statusCode());
        assertEquals(SubscriberStatus.ACTIVE, subscriber("ana@example.org").status());
    }

    @Test
    void anUnsubscribedAddressCannotBeReactivatedByItsOldConfirmationLink() throws Exception {
        web.post("/subscribe", "email=ana%40example.org");
        Subscriber s = subscriber("ana@example.org");
        web.tidings.subscribers().setStatus(s.id(), SubscriberStatus.UNSUBSCRIBED, web.clock.instant());

        assertEquals(410, web.get("/confirm/" + s.token()).statusCode());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, subscriber("ana@example.org").status());
    }

    private Subscriber subscriber(String email) {
        return web.tidings.subscribers().findByEmail(new EmailAddress(email)).orElseThrow();
    }

    /** Every text part of the message, decoded. */
    private static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        if (!(content instanceof MimeMultipart multipart)) {
            return content.toString();
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            out.append(part.getContent()).append('\n');
        }
        return out.toString();
    }
}
