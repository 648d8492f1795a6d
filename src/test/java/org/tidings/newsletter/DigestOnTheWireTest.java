package org.tidings.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tidings.model.Subscriber;
import org.tidings.subscribers.Confirmations;

/** What reaches the SMTP server: a full digest within {@code digest.max-bytes}, and the Feedback-ID header. */
class DigestOnTheWireTest {
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

    @Test
    void fullDigestArrivesWithItsHtmlPartWithinTheBudgetAndItsUnsubscribeLink() throws Exception {
        fx = new NewsletterFixture(dir, greenMail.getSmtp().getPort(), Map.of("TIDINGS_DIGEST_MAX_PER_FEED", "30"));
        for (int f = 0; f < 12; f++) {
            String[] titles = new String[25];
            for (int i = 0; i < titles.length; i++) {
                titles[i] = "Feed " + f + ", article " + i + ": “Grève” à la Sorbonne, die Straße und das Café";
            }
            fx.feed("Feed " + f, f % 2 == 0 ? "Presse" : "Sport", titles);
        }
        Subscriber ana = fx.subscriber("ana@example.org", true);
        fx.clock.advance(Duration.ofMinutes(1));

        fx.sender().send();

        MimeMessage m = greenMail.getReceivedMessages()[0];
        MimeBodyPart html = (MimeBodyPart) ((MimeMultipart) m.getContent()).getBodyPart(1);
        assertTrue(html.getContentType().startsWith("text/html"), html.getContentType());
        long wire;
        try (InputStream raw = html.getRawInputStream()) {
            wire = raw.transferTo(OutputStream.nullOutputStream());
        }
        assertTrue(wire <= 90_000, wire + " bytes on the wire");
        String body = (String) html.getContent();
        assertTrue(body.contains("http://localhost:8080/unsubscribe/" + ana.token()), "no unsubscribe link");
        assertTrue(body.contains("more articles in the web version"), "no line for the articles left out");
    }

    @Test
    void digestCarriesAFeedbackIdAndAConfirmationDoesNot() throws Exception {
        fx = new NewsletterFixture(dir, greenMail.getSmtp().getPort(), Map.of());
        fx.feed("Le Monde", "Presse", "Grève générale");
        fx.subscriber("ana@example.org", true);
        Subscriber pending = fx.subscriber("bob@example.org", false);
        fx.clock.advance(Duration.ofMinutes(1));

        fx.sender().send();
        List<String> problems = new Confirmations(fx.tidings.newsletter()).send(List.of(pending));

        assertEquals(List.of(), problems);
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(2, received.length);
        MimeMessage digest = received[0].getSubject().startsWith("Tidings: week of") ? received[0] : received[1];
        MimeMessage confirmation = digest == received[0] ? received[1] : received[0];
        assertEquals("1:tidings:tidings:tidings.example.org", digest.getHeader("Feedback-ID", null));
        assertNull(confirmation.getHeader("Feedback-ID"));
    }
}
