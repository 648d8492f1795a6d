package org.tidings.mail;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.IntSupplier;
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
        return create(config, outboxDir, clock, () -> 1);
    }

    /** @param nodes the live nodes that share {@code mail.rate}: each sends at most its share */
    public static Mailer create(MailConfig config, Path outboxDir, Clock clock, IntSupplier nodes) {
        return create(config, outboxDir, clock, nodes, null);
    }

    /**
     * @param dkim signs every message, on either transport, or null when {@code mail.dkim.*} is not
     *     set; see {@link DkimKey#load}
     */
    public static Mailer create(MailConfig config, Path outboxDir, Clock clock, IntSupplier nodes, DkimKey dkim) {
        if (config.transport().equals("smtp")) {
            return SmtpMailer.create(config, clock, nodes, dkim);
        }
        return FileMailer.create(config, outboxDir, clock, dkim);
    }
}
