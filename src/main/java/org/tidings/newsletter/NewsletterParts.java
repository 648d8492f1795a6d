package org.tidings.newsletter;

import java.time.Clock;
import java.util.function.IntSupplier;
import org.tidings.config.DigestConfig;
import org.tidings.config.MailConfig;
import org.tidings.mail.Mailer;
import org.tidings.model.EmailAddress;
import org.tidings.model.PublicLinks;
import org.tidings.render.ConfirmRenderer;
import org.tidings.render.DigestRenderer;
import org.tidings.store.ArticleStore;
import org.tidings.store.DeliveryClaims;
import org.tidings.store.DeliveryStore;
import org.tidings.store.IssueStore;
import org.tidings.store.SubscriberStore;

/**
 * The stages and settings the newsletter is wired from.
 *
 * @param claims how this node takes its share of an issue's deliveries
 * @param bounceAddress {@code mail.bounce-address}, the base of each message's Return-Path, or null
 * @param liveNodes the nodes sending now (1 on an H2 file): {@code mail.concurrency} and
 *     {@code mail.rate} are for them all together
 */
public record NewsletterParts(ArticleStore articles, SubscriberStore subscribers, IssueStore issues,
        DeliveryStore deliveries, DeliveryClaims claims, DigestRenderer digestRenderer, ConfirmRenderer confirmRenderer,
        Mailer mailer, MailConfig mail, EmailAddress bounceAddress, DigestConfig digest, PublicLinks links, Clock clock,
        SendTelemetry telemetry, IntSupplier liveNodes) {
    /** The same parts sending through another mailer. */
    public NewsletterParts withMailer(Mailer other) {
        return new NewsletterParts(articles, subscribers, issues, deliveries, claims, digestRenderer, confirmRenderer,
                other, mail, bounceAddress, digest, links, clock, telemetry, liveNodes);
    }
}
