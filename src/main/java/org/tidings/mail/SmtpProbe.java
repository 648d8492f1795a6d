package org.tidings.mail;

import jakarta.mail.Transport;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.tidings.config.SmtpConfig;
import org.tidings.model.EmailAddress;

/**
 * Connects to the SMTP server as sending would (EHLO, STARTTLS when smtp.security says so, AUTH when
 * smtp.username is set) and says QUIT: never MAIL FROM, so nothing can be sent.
 */
public final class SmtpProbe {
    private final SmtpConfig smtp;
    private final EmailAddress from;

    public SmtpProbe(SmtpConfig smtp, EmailAddress from) {
        this.smtp = smtp;
        this.from = from;
    }

    public ProbeResult probe() {
        Transport transport;
        try {
            transport = new SmtpConnector(smtp, from).connect();
        } catch (MailUnavailableException e) {
            return new ProbeResult.Failed(e.getMessage());
        }
        try {
            return reached((SMTPTransport) transport);
        } finally {
            SmtpConnector.closeQuietly(transport);
        }
    }

    private ProbeResult reached(SMTPTransport transport) {
        List<String> steps = new ArrayList<>(List.of("EHLO"));
        if (smtp.security().equals("tls")) {
            steps.add(0, "TLS");
        } else if (smtp.security().equals("starttls")) {
            steps.add("STARTTLS");
        }
        // Angus logs in only when the server offers AUTH; without it, it connects and sends unauthenticated.
        boolean authenticated = smtp.username() != null && transport.supportsExtension("AUTH");
        if (authenticated) {
            steps.add("AUTH as " + smtp.username());
        }
        String caveat = null;
        if (smtp.username() != null && !authenticated) {
            caveat = "the server offered no AUTH, so smtp.username was not used: it may refuse to relay";
        } else if (smtp.username() != null && !transport.isSSL()) {
            caveat = "the password travels unencrypted (smtp.security=none): use starttls or tls";
        }
        return new ProbeResult.Reached(String.join(", ", steps) + ", QUIT", caveat);
    }
}
