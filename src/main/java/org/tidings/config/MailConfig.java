package org.tidings.config;

import java.time.Duration;
import java.util.Set;
import org.tidings.model.EmailAddress;

/**
 * How Tidings sends email.
 *
 * @param transport "file" (an .eml per message in data.dir/outbox) or "smtp"
 * @param fromName display name of the From header, or null
 * @param replyTo Reply-To address, or null
 * @param smtp the SMTP server, used when transport is "smtp"
 * @param concurrency SMTP connections used at once
 * @param rate messages per second across all connections; 0 means unlimited
 * @param messagesPerConnection a connection is closed and reopened after this many messages
 * @param maxAttempts a message deferred by the server (4xx) is tried at most this often
 * @param retryDelay wait before the first retry of a deferred message; doubles for each retry
 * @param claimLease how long a node's claim on deliveries holds: when a node dies, the messages it
 *     had claimed and not sent wait this long before another node sends them
 */
public record MailConfig(String transport, EmailAddress from, String fromName, EmailAddress replyTo, SmtpConfig smtp,
        int concurrency, double rate, int messagesPerConnection, int maxAttempts, Duration retryDelay,
        Duration claimLease) {
    public static final Duration DEFAULT_CLAIM_LEASE = Duration.ofMinutes(2);

    public MailConfig(String transport, EmailAddress from, String fromName, EmailAddress replyTo, SmtpConfig smtp,
            int concurrency, double rate, int messagesPerConnection, int maxAttempts, Duration retryDelay) {
        this(transport, from, fromName, replyTo, smtp, concurrency, rate, messagesPerConnection, maxAttempts,
                retryDelay, DEFAULT_CLAIM_LEASE);
    }

    static MailConfig from(Settings s) {
        String defaultTransport = s.optional("smtp.host").isPresent() ? "smtp" : "file";
        String transport = s.oneOf("mail.transport", defaultTransport, Set.of("file", "smtp"));
        if (transport.equals("smtp") && s.optional("smtp.host").isEmpty()) {
            throw new ConfigException("smtp.host", "must be set when mail.transport is smtp");
        }
        MailboxSpec from = MailboxSpec.parse("mail.from", s.string("mail.from", "Tidings <tidings@localhost.localdomain>"));
        EmailAddress replyTo = s.optional("mail.reply-to").map(v -> MailboxSpec.parse("mail.reply-to", v).address())
                .orElse(null);
        return new MailConfig(transport, from.address(), from.name(), replyTo, SmtpConfig.from(s),
                s.positiveInt("mail.concurrency", 2), s.nonNegativeDouble("mail.rate", 0),
                s.positiveInt("mail.messages-per-connection", 100), s.positiveInt("mail.max-attempts", 5),
                s.duration("mail.retry-delay", Duration.ofSeconds(30)), claimLease(s));
    }

    private static Duration claimLease(Settings s) {
        Duration lease = s.duration("mail.claim-lease", DEFAULT_CLAIM_LEASE);
        if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new ConfigException("mail.claim-lease", "must be at least PT5S, got " + lease);
        }
        return lease;
    }
}
