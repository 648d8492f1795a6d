package org.tidings.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.URI;
import java.util.Properties;
import org.tidings.config.DeliverabilityConfig.InboundConfig;

/**
 * Opens the bounce mailbox named by {@code inbound.url}, or says in one line why it cannot. Every
 * message names the mailbox by its safe URL and has the password scrubbed, since servers sometimes
 * echo what they were sent.
 */
final class MailboxConnector {
    private static final String TIMEOUT_MILLIS = "30000";

    private final InboundConfig config;
    private final Session session;
    private final String user;
    private final String password;

    MailboxConnector(InboundConfig config) {
        this.config = config;
        String info = config.url().getUserInfo();
        int colon = info == null ? -1 : info.indexOf(':');
        this.user = info == null ? null : colon < 0 ? info : info.substring(0, colon);
        this.password = colon < 0 ? null : info.substring(colon + 1);
        this.session = Session.getInstance(properties(protocol()));
    }

    String protocol() {
        return config.url().getScheme();
    }

    boolean isImap() {
        return protocol().startsWith("imap");
    }

    /** The folder in the URL's path; POP3 has only INBOX. */
    String folderName() {
        String path = config.url().getPath();
        String name = path == null ? "" : path.replaceFirst("^/+", "");
        return name.isEmpty() || !isImap() ? "INBOX" : name;
    }

    Store connect() throws InboundUnavailableException {
        Store store = null;
        try {
            store = session.getStore(protocol());
            URI url = config.url();
            store.connect(url.getHost(), url.getPort(), user, password);
            return store;
        } catch (MessagingException e) {
            closeQuietly(store);
            throw unavailable(e instanceof AuthenticationFailedException
                    ? "Could not log in to inbound mailbox " + config.safeUrl() + ": " + e.getMessage()
                    : "Could not connect to inbound mailbox " + config.safeUrl() + ": " + reason(e), e);
        }
    }

    Folder open(Store store, int mode) throws InboundUnavailableException {
        try {
            Folder folder = store.getFolder(folderName());
            if (!folder.exists()) {
                throw unavailable("Inbound mailbox " + config.safeUrl() + " has no folder " + folderName(), null);
            }
            folder.open(mode);
            return folder;
        } catch (MessagingException e) {
            throw unavailable("Could not open folder " + folderName() + " of inbound mailbox " + config.safeUrl()
                    + ": " + reason(e), e);
        }
    }

    InboundUnavailableException lost(MessagingException e) {
        return unavailable("Lost inbound mailbox " + config.safeUrl() + ": " + reason(e), e);
    }

    private InboundUnavailableException unavailable(String message, Exception cause) {
        String line = ReportParts.oneLine(message);
        if (password != null && !password.isEmpty()) {
            line = line.replace(password, "***");
        }
        return new InboundUnavailableException(line, cause);
    }

    static void closeQuietly(Store store) {
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException e) {
            // The connection is being dropped anyway; a failed LOGOUT or QUIT changes nothing.
        }
    }

    /** In the same few words as an SMTP server's failure: the admin reads both side by side. */
    private static String reason(MessagingException e) {
        return SmtpConnector.reason(e);
    }

    private static Properties properties(String protocol) {
        Properties p = new Properties();
        p.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        // Bounces are small; one round trip per message instead of one per 16 kB.
        p.setProperty("mail." + protocol + ".fetchsize", String.valueOf(1024 * 1024));
        return p;
    }
}
