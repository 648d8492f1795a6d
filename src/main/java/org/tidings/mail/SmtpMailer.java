package org.tidings.mail;

import java.time.Clock;
import org.tidings.config.MailConfig;

/**
 * The SMTP adapter: everything its sessions share. The pacer is one per mailer, so {@code mail.rate}
 * limits all connections together.
 *
 * @param messagesPerConnection a session closes and reopens its connection after this many messages
 */
record SmtpMailer(SmtpConnector connector, MimeComposer composer, SendPacer pacer, int messagesPerConnection)
        implements Mailer {

    static SmtpMailer create(MailConfig config, Clock clock) {
        SmtpConnector connector = new SmtpConnector(config.smtp(), config.from());
        return new SmtpMailer(connector, new MimeComposer(connector.session(), config, clock),
                SendPacer.perSecond(config.rate(), SendPacer.SYSTEM), config.messagesPerConnection());
    }

    @Override
    public MailSession open() throws MailUnavailableException {
        return new SmtpSession(this);
    }
}
