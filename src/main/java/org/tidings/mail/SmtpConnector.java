package org.tidings.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import org.tidings.config.SmtpConfig;
import org.tidings.model.EmailAddress;

/** Opens connected, authenticated SMTP transports, or says in one line why it cannot. */
final class SmtpConnector {
    private static final String TIMEOUT_MILLIS = "30000";

    private final Session session;
    private final SmtpConfig smtp;

    SmtpConnector(SmtpConfig smtp, EmailAddress from) {
        this(smtp, from, new NoDelaySocketFactory());
    }

    /** @param sockets makes the plain socket under every connection, TLS or not */
    SmtpConnector(SmtpConfig smtp, EmailAddress from, SocketFactory sockets) {
        this.smtp = smtp;
        this.session = Session.getInstance(properties(smtp, from, sockets));
    }

    Session session() {
        return session;
    }

    Transport connect() throws MailUnavailableException {
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            return transport;
        } catch (MessagingException e) {
            closeQuietly(transport);
            throw new MailUnavailableException(describe(e), e);
        }
    }

    static void closeQuietly(Transport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            // The connection is being dropped anyway; a failed QUIT changes nothing.
        }
    }

    private String describe(MessagingException e) {
        String server = smtp.host() + ":" + smtp.port();
        if (e instanceof AuthenticationFailedException) {
            return "Could not log in to SMTP server " + server + " as " + smtp.username() + ": "
                    + SmtpFailures.oneLine(e.getMessage());
        }
        return "Could not connect to SMTP server " + server + ": " + reason(e);
    }

    /** The root cause in a few words: "connection refused", "timed out", "TLS failed: ...". */
    static String reason(MessagingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host";
        }
        if (root instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (root instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (root instanceof SSLException) {
            return "TLS failed: " + SmtpFailures.oneLine(root.getMessage());
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : SmtpFailures.oneLine(message);
    }

    private static Properties properties(SmtpConfig smtp, EmailAddress from, SocketFactory sockets) {
        Properties p = new Properties();
        // An instance, not a class name: Angus reads it with get(), so it must be put(), not setProperty().
        p.put("mail.smtp.socketFactory", sockets);
        p.setProperty("mail.smtp.host", smtp.host());
        p.setProperty("mail.smtp.port", Integer.toString(smtp.port()));
        // Without it Angus looks up our own host name for EHLO, which can hang on hosts without DNS for themselves.
        p.setProperty("mail.smtp.localhost", from.domain());
        // The envelope sender of a message that names no Return-Path of its own (MimeComposer sets it per message).
        p.setProperty("mail.smtp.from", from.value());
        p.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        p.setProperty("mail.smtp.auth", Boolean.toString(smtp.username() != null));
        if (smtp.security().equals("starttls")) {
            // Required, not merely enabled: otherwise a stripped STARTTLS offer would send the password in clear.
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        } else if (smtp.security().equals("tls")) {
            p.setProperty("mail.smtp.ssl.enable", "true");
        }
        p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        return p;
    }
}
