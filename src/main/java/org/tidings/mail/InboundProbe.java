package org.tidings.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import org.tidings.config.DeliverabilityConfig.InboundConfig;

/**
 * Logs in to the bounce mailbox (inbound.url), opens its folder read-only and closes it again: the
 * doctor's check that serve will be able to read bounces. The password is never shown.
 */
public final class InboundProbe {
    private static final String TIMEOUT_MILLIS = "30000";

    private final InboundConfig inbound;

    public InboundProbe(InboundConfig inbound) {
        this.inbound = inbound;
    }

    public ProbeResult probe() {
        String protocol = inbound.url().getScheme();
        Store store = null;
        try {
            store = Session.getInstance(properties(protocol)).getStore(protocol);
            String[] login = credentials();
            store.connect(inbound.url().getHost(), inbound.url().getPort(), login[0], login[1]);
            Folder folder = store.getFolder(folderName());
            folder.open(Folder.READ_ONLY);
            int count = folder.getMessageCount();
            folder.close(false);
            return new ProbeResult.Reached("logged in, " + folder.getFullName() + " opened read-only (" + count
                    + " messages)", null);
        } catch (AuthenticationFailedException e) {
            return new ProbeResult.Failed("Could not log in to " + inbound.safeUrl() + ": "
                    + SmtpFailures.oneLine(String.valueOf(e.getMessage())));
        } catch (MessagingException e) {
            return new ProbeResult.Failed("Could not open " + inbound.safeUrl() + ": " + SmtpConnector.reason(e));
        } finally {
            closeQuietly(store);
        }
    }

    /** User and password from the URL's user info (already percent-decoded); either may be null. */
    private String[] credentials() {
        String info = inbound.url().getUserInfo();
        if (info == null) {
            return new String[] {null, null};
        }
        int colon = info.indexOf(':');
        return colon < 0 ? new String[] {info, null} : new String[] {info.substring(0, colon), info.substring(colon + 1)};
    }

    /** The URL's path names the IMAP folder; POP3 has only INBOX. */
    private String folderName() {
        String path = inbound.url().getPath();
        String name = path == null ? "" : path.replaceFirst("^/+", "");
        return name.isEmpty() || inbound.url().getScheme().startsWith("pop3") ? "INBOX" : name;
    }

    private static Properties properties(String protocol) {
        Properties p = new Properties();
        p.setProperty("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        p.setProperty("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        p.setProperty("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        p.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        return p;
    }

    private static void closeQuietly(Store store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (MessagingException e) {
            // Only LOGOUT failed; the connection is dropped either way.
        }
    }
}
