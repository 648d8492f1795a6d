package org.tidings.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
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
import org.tidings.newsletter.IssueSender;
import org.tidings.newsletter.SendReport;
import org.tidings.store.NewSubscriber;
import org.tidings.web.Browser;
import org.tidings.web.WebFixture;

/**
 * A reader's way through the public pages in headless Chromium, with the emails that GreenMail
 * received: sign up on the front page and confirm; open a digest's web version and unsubscribe.
 */
class SubscriberFlowsInBrowserTest {
    private static final EmailAddress ANA = new EmailAddress("ana@example.org");

    @RegisterExtension
    static final Browser browser = new Browser();
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
    void signingUpOnTheFrontPageAndOpeningTheEmailedLinkMakesAnActiveSubscriber() throws Exception {
        browser.open(web.url("/"));
        browser.screenshot("front-page");
        browser.phoneScreenshot("front-page");

        browser.find("#subscribe-email").sendKeys("zoe@example.org");
        browser.find("#subscribe-name").sendKeys("Zoë Müller");
        browser.findByText("label", "Presse").click();
        browser.follow("button", "Subscribe");

        assertEquals("Check your inbox", browser.find("h1").getText());
        assertTrue(browser.text().contains("zoe@example.org"), browser.text());
        browser.screenshot("check-your-inbox");
        browser.phoneScreenshot("check-your-inbox");
        web.awaitMail();
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        URI confirm = EmailLinks.link(received[0], "/confirm/");
        assertEquals("tidings.example", confirm.getHost());

        browser.open(EmailLinks.onServer(web, confirm));

        assertEquals("You are subscribed", browser.find("h1").getText());
        browser.screenshot("confirmed");
        browser.phoneScreenshot("confirmed");
        Subscriber zoe = web.tidings.subscribers().findByEmail(new EmailAddress("zoe@example.org")).orElseThrow();
        assertEquals(SubscriberStatus.ACTIVE, zoe.status());
        assertEquals("Zoë Müller", zoe.name());
        assertEquals(List.of("Presse"), zoe.categories());
    }

    @Test
    void theDigestsUnsubscribeLinkLeadsToOneButtonThatUnsubscribes() throws Exception {
        web.tidings.subscribers().add(new NewSubscriber(ANA, "Ana Núñez", List.of(), SubscriberStatus.ACTIVE),
                web.clock.instant());
        // The issue takes the articles first seen before it is built.
        web.clock.advance(Duration.ofMinutes(1));

        SendReport report = new IssueSender(web.tidings.newsletter()).send();
        assertEquals(1, report.sent(), report.describe());
        MimeMessage digest = greenMail.getReceivedMessages()[0];
        URI unsubscribe = EmailLinks.link(digest, "/unsubscribe/");
        assertTrue(digest.getHeader("List-Unsubscribe", ",").contains("<" + unsubscribe + ">"),
                digest.getHeader("List-Unsubscribe", ","));

        browser.open(EmailLinks.onServer(web, EmailLinks.link(digest, "/archive/")));
        assertEquals(web.url("/archive/1"), browser.driver().getCurrentUrl());
        assertTrue(browser.text().contains("Grève générale"), browser.text());
        browser.screenshot("web-version");
        browser.phoneScreenshot("web-version");

        browser.open(EmailLinks.onServer(web, unsubscribe));
        assertTrue(browser.find("main").getText().contains("ana@example.org"), browser.text());
        browser.screenshot("unsubscribe");
        browser.phoneScreenshot("unsubscribe");
        assertEquals(SubscriberStatus.ACTIVE, status());
        browser.follow("button", "Unsubscribe");

        assertEquals("You are unsubscribed", browser.find("h1").getText());
        browser.screenshot("unsubscribed");
        browser.phoneScreenshot("unsubscribed");
        assertEquals(SubscriberStatus.UNSUBSCRIBED, status());
    }

    private SubscriberStatus status() {
        return web.tidings.subscribers().findByEmail(ANA).orElseThrow().status();
    }
}
