package org.tidings;

import java.util.Map;
import org.tidings.config.SmtpConfig;
import org.tidings.model.EmailAddress;

/**
 * The one place tests say how Tidings reaches a test SMTP server (GreenMail, or a scripted one)
 * on the loopback: plain SMTP, no login, from one address.
 */
public final class TestSmtp {
    public static final String HOST = "127.0.0.1";
    public static final EmailAddress FROM = EmailAddress.parse("news@tidings.example.org");

    private TestSmtp() {
    }

    /** As settings (TIDINGS_* variables) for {@link TestDatabase#tidings}. */
    public static Map<String, String> settings(int port) {
        return Map.of("TIDINGS_SMTP_HOST", HOST, "TIDINGS_SMTP_PORT", String.valueOf(port),
                "TIDINGS_SMTP_SECURITY", "none", "TIDINGS_MAIL_FROM", "Tidings <" + FROM.value() + ">");
    }

    /** As the typed settings that the mail adapters' own tests build their mailers from. */
    public static SmtpConfig config(int port) {
        return new SmtpConfig(HOST, port, "none", null, null);
    }
}
