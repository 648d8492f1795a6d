package org.tidings.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.tidings.model.EmailAddress;

/**
 * What makes bulk mail welcome at the big providers: a DKIM signature, bounces and complaints read
 * back from a bounce address, and how often the bounce mailbox is polled.
 *
 * @param dkim the signing domain, selector and key, or null when messages are not signed
 * @param bounceAddress the Return-Path base ({@code bounces@example.org} becomes
 *     {@code bounces+TOKEN@example.org} per message), or null to send with {@code mail.from}
 * @param softBounceLimit a subscriber becomes bounced after this many soft bounces in a row
 * @param inbound the bounce mailbox serve polls, or null when nothing is polled
 */
public record DeliverabilityConfig(DkimConfig dkim, EmailAddress bounceAddress, int softBounceLimit,
        InboundConfig inbound) {
    public static final int DEFAULT_SOFT_BOUNCE_LIMIT = 3;
    /**
     * RFC 5321's 64-character local part, less the longest {@code +TOKEN}: "+unsubscribe-" (13), a
     * subscriber id of up to 10 digits, "-" and a 16-character MAC; a delivery token is shorter.
     */
    static final int MAX_BOUNCE_LOCAL = 64 - 13 - 10 - 1 - 16;

    /** Nothing signed, no bounce address, nothing polled. */
    public static DeliverabilityConfig none() {
        return new DeliverabilityConfig(null, null, DEFAULT_SOFT_BOUNCE_LIMIT, null);
    }

    /**
     * @param dkim the three {@code mail.dkim.*} keys, all set or none
     * @param keyFile path of the PEM key, relative to the base folder
     */
    public record DkimConfig(String domain, String selector, Path keyFile) {
    }

    /**
     * @param url {@code imaps://user:pass@host/INBOX}, {@code pop3s://...} (plain {@code imap} and
     *     {@code pop3} for a server on the same host)
     */
    public record InboundConfig(URI url, Duration interval) {
        static final Set<String> SCHEMES = Set.of("imap", "imaps", "pop3", "pop3s");

        /** The URL without its password, for logs and {@code status}. */
        public String safeUrl() {
            String user = url.getUserInfo();
            String shown = user == null ? "" : user.replaceAll(":.*", ":***") + "@";
            return url.getScheme() + "://" + shown + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")
                    + (url.getPath() == null ? "" : url.getPath());
        }

        @Override
        public String toString() {
            return "InboundConfig[url=" + safeUrl() + ", interval=" + interval + "]";
        }
    }

    static DeliverabilityConfig from(Settings s, Path baseDir) {
        EmailAddress bounce = s.optional("mail.bounce-address")
                .map(v -> MailboxSpec.parse("mail.bounce-address", v).address()).orElse(null);
        if (bounce != null && bounce.localPart().contains("+")) {
            throw new ConfigException("mail.bounce-address", "must not contain '+': Tidings adds '+TOKEN' itself");
        }
        if (bounce != null && bounce.localPart().length() > MAX_BOUNCE_LOCAL) {
            throw new ConfigException("mail.bounce-address", "the part before @ must be at most " + MAX_BOUNCE_LOCAL
                    + " characters: with '+TOKEN' added it must stay within the 64 that mail servers accept");
        }
        InboundConfig inbound = inbound(s);
        if (inbound != null && bounce == null) {
            throw new ConfigException("inbound.url", "needs mail.bounce-address: what comes back names our deliveries"
                    + " through that address");
        }
        return new DeliverabilityConfig(dkim(s, baseDir), bounce,
                s.positiveInt("mail.soft-bounce-limit", DEFAULT_SOFT_BOUNCE_LIMIT), inbound);
    }

    private static DkimConfig dkim(Settings s, Path baseDir) {
        var domain = s.optional("mail.dkim.domain");
        var selector = s.optional("mail.dkim.selector");
        var key = s.optional("mail.dkim.key-file");
        if (domain.isEmpty() && selector.isEmpty() && key.isEmpty()) {
            return null;
        }
        for (String k : new String[] {"mail.dkim.domain", "mail.dkim.selector", "mail.dkim.key-file"}) {
            if (s.optional(k).isEmpty()) {
                throw new ConfigException(k, "must be set with the other mail.dkim.* keys");
            }
        }
        return new DkimConfig(domain.get().strip().toLowerCase(java.util.Locale.ROOT), selector.get().strip(),
                baseDir.resolve(key.get().strip()).normalize().toAbsolutePath());
    }

    private static InboundConfig inbound(Settings s) {
        var raw = s.optional("inbound.url");
        if (raw.isEmpty()) {
            return null;
        }
        URI url;
        try {
            url = URI.create(raw.get().strip());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("inbound.url", "not a URL such as imaps://user:pass@host/INBOX");
        }
        if (url.getScheme() == null || !InboundConfig.SCHEMES.contains(url.getScheme()) || url.getHost() == null) {
            throw new ConfigException("inbound.url", "must be imaps://, pop3s://, imap:// or pop3:// with a host");
        }
        Duration interval = s.duration("inbound.interval", Duration.ofMinutes(5));
        if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new ConfigException("inbound.interval", "must be at least PT10S, got " + interval);
        }
        return new InboundConfig(url, interval);
    }
}
