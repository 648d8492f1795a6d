package org.tidings.mail;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.tidings.TestSmtp;
import org.tidings.config.MailConfig;
import org.tidings.config.SmtpConfig;
import org.tidings.model.EmailAddress;

/** Settings and messages for mail tests. */
final class MailFixtures {
    static final Instant NOW = Instant.parse("2025-03-14T09:26:53Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final EmailAddress FROM = TestSmtp.FROM;
    static final EmailAddress REPLY_TO = EmailAddress.parse("editor@tidings.example.org");

    private MailFixtures() {
    }

    /** Plain SMTP to 127.0.0.1:port, unlimited rate. */
    static MailConfig smtp(int port, int messagesPerConnection) {
        return smtp(TestSmtp.config(port), messagesPerConnection);
    }

    static MailConfig smtp(SmtpConfig smtp, int messagesPerConnection) {
        return new MailConfig("smtp", FROM, "Tidings Wöchentlich", REPLY_TO, smtp, 2, 0, messagesPerConnection, 5,
                Duration.ofSeconds(30));
    }

    static MailConfig file() {
        return new MailConfig("file", FROM, "Tidings", null, new SmtpConfig(null, 25, "none", null, null), 1, 0, 100,
                5, Duration.ofSeconds(30));
    }

    static MailMessage message(String to, String messageId) {
        return new MailMessage(EmailAddress.parse(to), "Reader", "Your tidings", "Hello in text", "<p>Hello in HTML</p>",
                messageId, newsletter());
    }

    static ListHeaders newsletter() {
        return new ListHeaders("Tidings <tidings.example.org>",
                URI.create("https://tidings.example.org/unsubscribe?t=abc123"),
                URI.create("mailto:unsubscribe@tidings.example.org?subject=abc123"));
    }
}
