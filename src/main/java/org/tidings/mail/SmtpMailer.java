package org.tidings.mail;

import java.time.Clock;
import java.util.function.IntSupplier;
import org.tidings.config.MailConfig;

/**
 * The SMTP adapter: everything its sessions share. The pacer is one per mailer, so {@code mail.rate}
 * limits all connections together; several nodes each keep to their share of it.
 *
 * @param messagesPerConnection a session closes and reopens its connection after this many messages
 */
record SmtpMailer(SmtpConnector connector, MimeComposer composer, SendPacer pacer, int messagesPerConnection)
        implements Mailer {

    /** @param shares the live nodes that share {@code mail.rate} */
    static SmtpMailer create(MailConfig config, Clock clock, IntSupplier shares) {
        return create(config, clock, shares, null);
    }

    /** @param dkim signs every message, or null to send unsigned */
    static SmtpMailer create(MailConfig config, Clock clock, IntSupplier shares, DkimKey dkim) {
        SmtpConnector connector = new SmtpConnector(config.smtp(), config.from());
        return new SmtpMailer(connector, new MimeComposer(connector.session(), config, clock, dkim),
                SendPacer.perSecond(config.rate(), shares, SendPacer.SYSTEM), config.messagesPerConnection());
    }

    @Override
    public MailSession open() throws MailUnavailableException {
        return new SmtpSession(this);
    }
}
