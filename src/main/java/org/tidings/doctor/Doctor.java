package org.tidings.doctor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tidings.config.DeliverabilityConfig;
import org.tidings.config.MailConfig;
import org.tidings.config.TidingsConfig;
import org.tidings.mail.InboundProbe;
import org.tidings.mail.ProbeResult;
import org.tidings.mail.SmtpProbe;
import org.tidings.model.EmailAddress;

/**
 * Checks, without sending anything, what decides whether the big providers accept our mail: SPF,
 * DKIM and DMARC in DNS, an https public.url, the SMTP server, and the bounce mailbox.
 */
public final class Doctor {
    private final DnsClient dns;

    public Doctor(DnsClient dns) {
        this.dns = dns;
    }

    /** @param dkim the key Tidings signs with, or null when mail.dkim.* is not set */
    public List<Finding> examine(TidingsConfig config, ExpectedDkim dkim) {
        MailConfig mail = config.mail();
        DeliverabilityConfig deliverability = config.deliverability();
        List<Finding> findings = new ArrayList<>();
        SendingHost host = sendingHost(mail);
        for (String domain : spfDomains(mail.from(), deliverability.bounceAddress())) {
            findings.add(new SpfCheck(dns).check(domain, host));
        }
        findings.add(new DkimCheck(dns).check(dkim));
        findings.addAll(new DmarcCheck(dns).check(mail.from().domain(), envelope(mail, deliverability).domain(),
                dkim == null ? null : dkim.domain()));
        findings.add(PublicUrlCheck.check(config.publicUrl()));
        findings.add(smtp(mail));
        findings.add(inbound(deliverability));
        return findings;
    }

    /** The envelope sender: receivers check SPF there, and DMARC aligns it with From. */
    private static EmailAddress envelope(MailConfig mail, DeliverabilityConfig deliverability) {
        return deliverability.bounceAddress() == null ? mail.from() : deliverability.bounceAddress();
    }

    private static Set<String> spfDomains(EmailAddress from, EmailAddress bounce) {
        Set<String> domains = new LinkedHashSet<>(List.of(from.domain()));
        if (bounce != null) {
            domains.add(bounce.domain());
        }
        return domains;
    }

    private SendingHost sendingHost(MailConfig mail) {
        String name = mail.smtp().host();
        return name == null ? SendingHost.none() : new SendingHost(name, dns.addressesOf(name));
    }

    private static Finding smtp(MailConfig mail) {
        if (mail.smtp().host() == null) {
            return Finding.warning("SMTP", "smtp.host is not set: mail.transport=file writes messages to the outbox",
                    "set smtp.host (and smtp.port, smtp.security, smtp.username) to send");
        }
        String check = "SMTP " + mail.smtp().host() + ":" + mail.smtp().port();
        ProbeResult result = new SmtpProbe(mail.smtp(), mail.from()).probe();
        if (result instanceof ProbeResult.Reached r) {
            return r.caveat() == null ? Finding.ok(check, r.detail()) : Finding.warning(check, r.detail(), r.caveat());
        }
        return Finding.problem(check, ((ProbeResult.Failed) result).reason(),
                "check smtp.host, smtp.port, smtp.security, smtp.username and smtp.password");
    }

    private static Finding inbound(DeliverabilityConfig deliverability) {
        if (deliverability.inbound() == null) {
            return Finding.warning("inbound", "inbound.url is not set: bounces and complaints are not read",
                    "set inbound.url to the mailbox of mail.bounce-address, or pipe it to tidings inbound");
        }
        String check = "inbound " + deliverability.inbound().safeUrl();
        ProbeResult result = new InboundProbe(deliverability.inbound()).probe();
        if (result instanceof ProbeResult.Reached r) {
            return Finding.ok(check, r.detail());
        }
        return Finding.problem(check, ((ProbeResult.Failed) result).reason(),
                "check inbound.url (user, password, host, port and folder)");
    }
}
