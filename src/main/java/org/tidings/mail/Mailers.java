package org.tidings.mail;

import java.nio.file.Path;
import java.time.Clock;
import org.tidings.config.MailConfig;

/** Picks the adapter that {@code mail.transport} names. */
public final class Mailers {
    private Mailers() {
    }

    /**
     * @param outboxDir where the file transport writes its .eml files (created when missing)
     * @param clock stamps the Date header
     */
    public static Mailer create(MailConfig config, Path outboxDir, Clock clock) {
        if (config.transport().equals("smtp")) {
            return SmtpMailer.create(config, clock);
        }
        return FileMailer.create(config, outboxDir, clock);
    }
}
