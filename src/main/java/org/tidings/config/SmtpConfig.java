package org.tidings.config;

import java.util.Set;

/**
 * The SMTP server.
 *
 * @param host null when not configured
 * @param security "none", "starttls" (required, port 587 by default) or "tls" (implicit, port 465)
 * @param username null for no authentication
 */
public record SmtpConfig(String host, int port, String security, String username, String password) {
    static SmtpConfig from(Settings s) {
        String security = s.oneOf("smtp.security", "starttls", Set.of("none", "starttls", "tls"));
        int defaultPort = switch (security) {
            case "tls" -> 465;
            case "starttls" -> 587;
            default -> 25;
        };
        int port = s.positiveInt("smtp.port", defaultPort);
        if (port > 65535) {
            throw new ConfigException("smtp.port", "must be at most 65535, got " + port);
        }
        return new SmtpConfig(s.optional("smtp.host").orElse(null), port, security,
                s.optional("smtp.username").orElse(null), s.optional("smtp.password").orElse(null));
    }

    @Override
    public String toString() {
        // Never print the password.
        return "SmtpConfig[" + host + ":" + port + ", " + security + ", user " + username + "]";
    }
}
