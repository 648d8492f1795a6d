package org.tidings.newsletter;

import java.time.Clock;
import org.tidings.config.DigestConfig;
import org.tidings.config.MailConfig;
import org.tidings.mail.Mailer;
import org.tidings.model.PublicLinks;
import org.tidings.render.ConfirmRenderer;
import org.tidings.render.DigestRenderer;
import org.tidings.store.ArticleStore;
import org.tidings.store.DeliveryStore;
import org.tidings.store.IssueStore;
import org.tidings.store.SubscriberStore;

/** The stages and settings the newsletter is wired from. */
public record NewsletterParts(ArticleStore articles, SubscriberStore subscribers, IssueStore issues,
        DeliveryStore deliveries, DigestRenderer digestRenderer, ConfirmRenderer confirmRenderer, Mailer mailer,
        MailConfig mail, DigestConfig digest, PublicLinks links, Clock clock, SendTelemetry telemetry) {
}
