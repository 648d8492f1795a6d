package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.mail.InboundSink.Verdict;
import org.tidings.model.InboundKind;
import org.tidings.model.InboundReport;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.MailEventStore.MailEvent;
import org.tidings.store.Suppressions.Suppression;
import org.tidings.subscribers.Signup;
import org.tidings.subscribers.SignupRequest;
import org.tidings.subscribers.SubscriberImport;

/** Reports that came back, acted on against real sent issues (H2, the real migrations, GreenMail). */
class MailFeedbackTest {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;
    private NewsletterFixture f;
    private Subscriber ana;
    private Subscriber ben;
    private int articles;

    @BeforeEach
    void start() {
        f = new NewsletterFixture(dir, greenMail.getSmtp().getPort(), Map.of());
        ana = f.subscriber("ana@example.org", true);
        ben = f.subscriber("ben@example.org", true);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** Sends the next issue to every active subscriber; its number. */
    private int sendIssue() throws Exception {
        articles++;
        f.feed("Feed " + articles, "Presse", "Article " + articles);
        f.clock.advance(Duration.ofMinutes(1));
        SendReport report = f.sender().send();
        assertTrue(report.issueNumber() > 0, report.describe());
        return report.issueNumber();
    }

    private Verdict accept(InboundKind kind, String detail, String messageId, String status) {
        return f.tidings.mailFeedback().accept(new InboundReport(kind, detail, messageId, status, "diagnostic " + status));
    }

    private static String messageId(int issue, Subscriber s) {
        return "<tidings." + issue + "." + s.id() + "." + BounceTokens.messageIdMac(issue, s) + "@example.org>";
    }

    private SubscriberStatus status(Subscriber s) {
        return f.tidings.subscribers().find(s.id()).orElseThrow().status();
    }

    private Optional<Suppression> suppression(Subscriber s) {
        return f.tidings.subscribers().suppressions().find(s.email());
    }

    private List<MailEvent> events(Subscriber s) {
        return f.tidings.mailEvents().ofSubscriber(s.id(), 50);
    }

    @Test
    void hardBounceByTokenBouncesAndSuppressesAtOnce() throws Exception {
        int issue = sendIssue();

        assertEquals(Verdict.HANDLED, accept(InboundKind.HARD_BOUNCE, BounceTokens.delivery(issue, ana), null, "5.1.1"));

        assertEquals(SubscriberStatus.BOUNCED, status(ana));
        assertEquals(InboundKind.HARD_BOUNCE, suppression(ana).orElseThrow().reason());
        assertEquals(List.of(new MailEvent(InboundKind.HARD_BOUNCE, issue, "5.1.1", "diagnostic 5.1.1",
                f.clock.instant())), events(ana));
        assertEquals(SubscriberStatus.ACTIVE, status(ben));
    }

    @Test
    void hardBounceByOurMessageIdWhenTheReportHasNoToken() throws Exception {
        int issue = sendIssue();

        assertEquals(Verdict.HANDLED, accept(InboundKind.HARD_BOUNCE, null, messageId(issue, ben), "5.2.1"));

        assertEquals(SubscriberStatus.BOUNCED, status(ben));
        assertEquals(SubscriberStatus.ACTIVE, status(ana));
    }

    @Test
    void aReportWithAnasTokenNamingBensAddressActsOnAnaAlone() throws Exception {
        int issue = sendIssue();

        f.tidings.mailFeedback().accept(new InboundReport(InboundKind.HARD_BOUNCE, BounceTokens.delivery(issue, ana),
                messageId(issue, ben), "5.1.1", "550 5.1.1 <ben@example.org>: Recipient address rejected"));

        assertEquals(SubscriberStatus.BOUNCED, status(ana));
        assertEquals(SubscriberStatus.ACTIVE, status(ben));
        assertEquals(Optional.empty(), suppression(ben));
    }

    @Test
    void forgedTokensAndMessageIdsMatchNothing() throws Exception {
        int issue = sendIssue();
        String token = BounceTokens.delivery(issue, ana);
        String forged = token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a");
        String otherMac = issue + "-" + ana.id() + "-" + BounceTokens.delivery(issue, ben).split("-")[2];
        String forgedId = messageId(issue, ana).replace(BounceTokens.messageIdMac(issue, ana),
                BounceTokens.messageIdMac(issue, ben));

        assertEquals(Verdict.IGNORED, accept(InboundKind.HARD_BOUNCE, forged, null, "5.1.1"));
        assertEquals(Verdict.IGNORED, accept(InboundKind.HARD_BOUNCE, otherMac, null, "5.1.1"));
        assertEquals(Verdict.IGNORED, accept(InboundKind.COMPLAINT, null, forgedId, null));
        assertEquals(Verdict.IGNORED, accept(InboundKind.HARD_BOUNCE, issue + "-999-aaaaaaaaaaaaaaaa", null, "5.1.1"));

        assertEquals(SubscriberStatus.ACTIVE, status(ana));
        assertEquals(List.of(), events(ana));
    }

    @Test
    void reportsWithoutTokenOrMessageIdAndOtherMessagesAreIgnored() throws Exception {
        int issue = sendIssue();

        assertEquals(Verdict.IGNORED, accept(InboundKind.HARD_BOUNCE, null, null, "5.1.1"));
        assertEquals(Verdict.IGNORED, accept(InboundKind.HARD_BOUNCE, "", "<someone@else.example>", "5.1.1"));
        assertEquals(Verdict.IGNORED, f.tidings.mailFeedback().accept(InboundReport.other("out of office")));
        assertEquals(Verdict.IGNORED, accept(InboundKind.OTHER, BounceTokens.delivery(issue, ana), null, null));
        // An unsubscribe goes by its own token only: a delivery's does not unsubscribe.
        assertEquals(Verdict.IGNORED, accept(InboundKind.UNSUBSCRIBE, BounceTokens.delivery(issue, ana), null, null));

        assertEquals(SubscriberStatus.ACTIVE, status(ana));
        assertEquals(List.of(), events(ana));
    }

    @Test
    void theSameReportTwiceIsHandledAndChangesNothingTheSecondTime() throws Exception {
        int one = sendIssue();
        accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(one, ana), null, "4.2.2");
        int two = sendIssue();
        accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(two, ana), null, "4.2.2");
        int three = sendIssue();

        assertEquals(Verdict.HANDLED, accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(two, ana), null, "4.2.2"));
        assertEquals(Verdict.HANDLED, accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(two, ana), null, "4.2.2"));

        assertEquals(2, events(ana).size());
        assertEquals(SubscriberStatus.ACTIVE, status(ana), "counted twice, issue 2's bounce would have made 3");
        accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(three, ana), null, "4.2.2");
        assertEquals(SubscriberStatus.BOUNCED, status(ana));
    }

    @Test
    void softBouncesOfThreeIssuesInARowBounceWithoutSuppressing() throws Exception {
        for (int i = 0; i < 3; i++) {
            int issue = sendIssue();
            assertEquals(SubscriberStatus.ACTIVE, status(ana));
            accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(issue, ana), null, "4.2.2");
        }

        assertEquals(SubscriberStatus.BOUNCED, status(ana));
        assertEquals(Optional.empty(), suppression(ana));
    }

    @Test
    void twoSoftBouncesThenADeliveredIssueThenASoftBounceStayActive() throws Exception {
        accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(sendIssue(), ana), null, "4.2.2");
        accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(sendIssue(), ana), null, "4.2.2");
        sendIssue();

        accept(InboundKind.SOFT_BOUNCE, BounceTokens.delivery(sendIssue(), ana), null, "4.2.2");

        assertEquals(SubscriberStatus.ACTIVE, status(ana));
        assertEquals(3, events(ana).size());
    }

    @Test
    void complaintUnsubscribesSuppressesAndOnlyAConfirmedSignUpBringsTheAddressBack() throws Exception {
        int issue = sendIssue();

        assertEquals(Verdict.HANDLED, accept(InboundKind.COMPLAINT, null, messageId(issue, ana), null));

        assertEquals(SubscriberStatus.UNSUBSCRIBED, status(ana));
        assertEquals(InboundKind.COMPLAINT, suppression(ana).orElseThrow().reason());
        SubscriberImport.Report imported = new SubscriberImport(f.tidings.newsletter()).read(
                new StringReader("email\nana@example.org\ncarla@example.org\n"), SubscriberImport.Consent.CONFIRMED);
        assertEquals(List.of("ana@example.org"), imported.suppressed());
        assertEquals(1, imported.added());
        Signup signup = new Signup(f.tidings.newsletter());
        Signup.Outcome byAdmin = signup.add(new SignupRequest("ana@example.org", null, List.of(), true),
                Signup.Returning.RESUBSCRIBE);
        assertNotNull(byAdmin.suppressed());
        assertEquals(SubscriberStatus.UNSUBSCRIBED, status(ana));
        int next = sendIssue();
        assertEquals(2, f.tidings.deliveries().counts(f.tidings.issues().byNumber(next).orElseThrow().id()).sent(),
                "ben and carla");

        // The web form, then the confirmation link, as SubscribePages does.
        Signup.Outcome own = signup.add(new SignupRequest("ana@example.org", null, List.of(), false),
                Signup.Returning.RESUBSCRIBE_OR_REMIND);
        assertTrue(own.needsConfirmation());
        assertTrue(f.tidings.subscribers().confirm(ana.id(), f.clock.instant().minusSeconds(60), f.clock.instant()));

        assertEquals(Optional.empty(), suppression(ana));
        assertEquals(SubscriberStatus.ACTIVE, status(ana));
    }

    @Test
    void unsubscribeByMailUnsubscribesLikeTheOneClickLink() {
        Verdict v = accept(InboundKind.UNSUBSCRIBE, BounceTokens.unsubscribe(ana).toUpperCase(), null, null);

        assertEquals(Verdict.HANDLED, v);
        Subscriber after = f.tidings.subscribers().find(ana.id()).orElseThrow();
        assertEquals(SubscriberStatus.UNSUBSCRIBED, after.status());
        assertEquals(f.clock.instant(), after.unsubscribedAt());
        assertEquals(Optional.empty(), suppression(ana));
        assertEquals(InboundKind.UNSUBSCRIBE, events(ana).get(0).kind());
        assertEquals(Verdict.IGNORED, accept(InboundKind.UNSUBSCRIBE, BounceTokens.unsubscribe(ben).replace(
                "unsubscribe-" + ben.id(), "unsubscribe-" + ana.id()), null, null));
    }
}
