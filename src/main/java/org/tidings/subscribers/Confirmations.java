package org.tidings.subscribers;

import java.util.ArrayList;
import java.util.List;
import org.tidings.mail.MailSession;
import org.tidings.mail.MailUnavailableException;
import org.tidings.mail.SendOutcome;
import org.tidings.model.Subscriber;
import org.tidings.newsletter.MessageFactory;
import org.tidings.newsletter.NewsletterParts;

/** Sends the double opt-in email to pending subscribers, on one session for a whole import. */
public final class Confirmations {
    private final NewsletterParts parts;
    private final MessageFactory messages;

    public Confirmations(NewsletterParts parts) {
        this.parts = parts;
        this.messages = MessageFactory.of(parts);
    }

    /**
     * @return one line per subscriber whose confirmation could not be sent; empty when all went out
     * @throws MailUnavailableException when the server cannot be reached at all
     */
    public List<String> send(List<Subscriber> pending) throws MailUnavailableException {
        List<String> problems = new ArrayList<>();
        if (pending.isEmpty()) {
            return problems;
        }
        try (MailSession session = parts.mailer().open()) {
            for (Subscriber s : pending) {
                SendOutcome outcome = session.send(messages.confirmation(s, parts.confirmRenderer().render(s)));
                if (outcome instanceof SendOutcome.Rejected r) {
                    problems.add(s.email() + ": confirmation refused: " + r.reason());
                } else if (outcome instanceof SendOutcome.Deferred d) {
                    problems.add(s.email() + ": confirmation deferred by the server: " + d.reason());
                }
            }
        }
        return problems;
    }
}
