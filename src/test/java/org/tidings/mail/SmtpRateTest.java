package org.tidings.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tidings.config.MailConfig;

/** mail.rate holds across all sessions of one mailer, not per connection. */
class SmtpRateTest {
    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();

    @AfterEach
    void stop() {
        smtp.close();
    }

    /** Records waits without waiting; time stands still, as if all sends arrived at once. */
    private static final class FrozenTicker implements SendPacer.Ticker {
        final List<Long> sleepsMillis = new ArrayList<>();

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public void sleep(long nanos) {
            sleepsMillis.add(nanos / 1_000_000);
        }
    }

    @Test
    void sessionsOfOneMailerShareTheRate() throws Exception {
        MailConfig config = MailFixtures.smtp(smtp.port(), 100);
        SmtpMailer template = SmtpMailer.create(config, MailFixtures.CLOCK, () -> 1);
        FrozenTicker ticker = new FrozenTicker();
        Mailer mailer = new SmtpMailer(template.connector(), template.composer(), SendPacer.perSecond(10, ticker),
                config.messagesPerConnection());

        try (MailSession first = mailer.open(); MailSession second = mailer.open()) {
            first.send(MailFixtures.message("a@example.org", "<a@t.example.org>"));
            second.send(MailFixtures.message("b@example.org", "<b@t.example.org>"));
            first.send(MailFixtures.message("c@example.org", "<c@t.example.org>"));
        }

        assertEquals(List.of(100L, 200L), ticker.sleepsMillis);
        assertEquals(2, smtp.connections());
        assertEquals(3, smtp.received().size());
    }
}
