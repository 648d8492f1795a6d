package org.tidings.newsletter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import org.tidings.config.MailConfig;
import org.tidings.mail.ListHeaders;
import org.tidings.mail.MailMessage;
import org.tidings.model.Issue;
import org.tidings.model.PublicLinks;
import org.tidings.model.Subscriber;
import org.tidings.render.RenderedEmail;

/** Turns rendered content into addressed messages with their list headers and stable Message-IDs. */
public final class MessageFactory {
    private final MailConfig mail;
    private final PublicLinks links;
    private final String listId;
    private final String label;

    public MessageFactory(MailConfig mail, PublicLinks links, String title) {
        this.mail = mail;
        this.links = links;
        // RFC 2919: a list id is a dot-atom under a domain the sender controls.
        String slug = title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-|-$", "");
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

    /** Same issue and subscriber, same Message-ID: a resent message is recognisably the same one. */
    String messageId(Issue issue, Subscriber s) {
        return "<tidings." + issue.number() + "." + s.id() + "@" + mail.from().domain() + ">";
    }

    MailMessage digest(Issue issue, Subscriber s, RenderedEmail content) {
        URI mailto = URI.create("mailto:" + mail.from().value() + "?subject="
                + URLEncoder.encode("unsubscribe " + s.token(), StandardCharsets.UTF_8).replace("+", "%20"));
        ListHeaders list = new ListHeaders(listId, links.unsubscribe(s.token()), mailto, feedbackId(issue));
        return new MailMessage(s.email(), s.name(), content.subject(), content.text(), content.html(),
                messageId(issue, s), list);
    }

    public MailMessage confirmation(Subscriber s, RenderedEmail content) {
        return new MailMessage(s.email(), s.name(), content.subject(), content.text(), content.html(),
                "<tidings.confirm." + s.id() + "." + Integer.toHexString(s.token().hashCode()) + "@"
                        + mail.from().domain() + ">", null);
    }
}
