package org.tidings.newsletter;

import java.net.URI;
import java.util.Locale;
import org.tidings.config.MailConfig;
import org.tidings.mail.ListHeaders;
import org.tidings.mail.MailMessage;
import org.tidings.model.EmailAddress;
import org.tidings.model.Issue;
import org.tidings.model.PublicLinks;
import org.tidings.model.Subscriber;
import org.tidings.render.RenderedEmail;

/**
 * Turns rendered content into addressed messages: list headers, stable Message-IDs that nobody
 * can make up for a subscriber, and (with {@code mail.bounce-address}) a Return-Path per message
 * so that a bounce names the delivery it is about (VERP).
 */
public final class MessageFactory {
    private final MailConfig mail;
    private final EmailAddress bounceAddress;
    private final PublicLinks links;
    private final String listId;
    private final String label;

    /** @param bounceAddress {@code mail.bounce-address}, or null: bounces then go to {@code mail.from} */
    public MessageFactory(MailConfig mail, EmailAddress bounceAddress, PublicLinks links, String title) {
        this.mail = mail;
        this.bounceAddress = bounceAddress;
        this.links = links;
        // RFC 2919: a list id is a dot-atom under a domain the sender controls.
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-|-$", "");
        this.label = slug.isEmpty() ? "tidings" : slug;
        this.listId = title.replaceAll("[\\p{Cntrl}<>\"]", " ") + " <" + this.label + "." + mail.from().domain() + ">";
    }

    /**
     * Gmail's Feedback-ID, {@code a:b:c:SenderId}: its complaint reports count by each of the
     * colon-separated fields, the last one constant for a sender. Issue, then list, then "tidings"
     * as the kind of mail; the list label has no colon (a-z, 0-9 and '-').
     */
    String feedbackId(Issue issue) {
        return issue.number() + ":" + label + ":tidings:" + mail.from().domain();
    }

    /** The factory of the newsletter these parts send. */
    public static MessageFactory of(NewsletterParts parts) {
        return new MessageFactory(parts.mail(), parts.bounceAddress(), parts.links(), parts.digest().title());
    }

    /**
     * {@code <tidings.ISSUE.SUBSCRIBER.MAC@domain>}: same issue and subscriber, same Message-ID, so a
     * resent message is recognisably the same one; the MAC makes a report quoting it believable.
     */
    String messageId(Issue issue, Subscriber s) {
        return "<tidings." + issue.number() + "." + s.id() + "." + BounceTokens.messageIdMac(issue.number(), s) + "@"
                + mail.from().domain() + ">";
    }

    public MailMessage digest(Issue issue, Subscriber s, RenderedEmail content) {
        // RFC 8058 asks for the https link; a mailto is offered only when something reads its mailbox.
        URI mailto = bounceAddress == null ? null
                : URI.create("mailto:" + verp(BounceTokens.unsubscribe(s)).value() + "?subject=unsubscribe");
        EmailAddress returnPath = bounceAddress == null ? null : verp(BounceTokens.delivery(issue.number(), s));
        ListHeaders list = new ListHeaders(listId, links.unsubscribe(s.token()), mailto, feedbackId(issue));
        return new MailMessage(s.email(), s.name(), content.subject(), content.text(), content.html(),
                messageId(issue, s), list, returnPath);
    }

    /** A bounce of a confirmation names no delivery: it goes to the bounce address as it is. */
    public MailMessage confirmation(Subscriber s, RenderedEmail content) {
        return new MailMessage(s.email(), s.name(), content.subject(), content.text(), content.html(),
                "<tidings.confirm." + s.id() + "." + Integer.toHexString(s.token().hashCode()) + "@"
                        + mail.from().domain() + ">", null, bounceAddress);
    }

    /**
     * {@code bounces+DETAIL@domain}. The details are lower-case digits, letters and dashes, and the
     * configuration keeps the bounce address's local part short enough for them to fit in 64 characters.
     */
    private EmailAddress verp(String detail) {
        return new EmailAddress(bounceAddress.localPart() + "+" + detail + "@" + bounceAddress.domain());
    }
}
