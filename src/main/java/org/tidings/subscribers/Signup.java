package org.tidings.subscribers;

import java.util.List;
import java.util.Optional;
import org.tidings.model.EmailAddress;
import org.tidings.model.InboundKind;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.NewSubscriber;
import org.tidings.store.SubscriberStore;
import org.tidings.store.Suppressions.Suppression;
import org.tidings.newsletter.NewsletterParts;

/**
 * Adds subscribers. An address already known keeps its record: an active or pending one is left
 * as it is; one that unsubscribed or bounced is subscribed anew, since it asked again. An address
 * on the suppression list (it bounced hard, or its owner complained) comes back only by its own
 * sign-up on the web form and confirmation link, never by the admin's hand.
 */
public final class Signup {
    private final SubscriberStore subscribers;
    private final java.time.Clock clock;

    public Signup(NewsletterParts parts) {
        this.subscribers = parts.subscribers();
        this.clock = parts.clock();
    }

    /**
     * What a sign-up came to.
     *
     * @param subscriber the stored record; null only when the address was refused as suppressed
     *     and has no record
     * @param changed the address is new, or was subscribed anew
     * @param needsConfirmation a confirmation email is owed
     * @param suppressed why the address was refused, nothing changed; null when it was not
     */
    public record Outcome(Subscriber subscriber, boolean created, boolean changed, boolean needsConfirmation,
            Suppression suppressed) {
        /** What the admin or the CLI is told of a refused address. */
        public String refusal(String email) {
            return email + " is on the suppression list since " + suppressed.since() + " ("
                    + (suppressed.reason() == InboundKind.COMPLAINT ? "they reported an issue as spam"
                            : "their mail server refused it for good")
                    + "): not added. Only their own sign-up on the web form, confirmed, brings it back.";
        }
    }

    /** What to do with an address that unsubscribed or bounced before. */
    public enum Returning {
        /** Subscribe it anew: the person asked again (the CLI's and the admin's add); a suppressed address is refused. */
        RESUBSCRIBE,
        /**
         * As {@link #RESUBSCRIBE}, and an address still pending gets a fresh confirmation with a
         * new window to confirm in: the web form, where someone who lost or let expire the first
         * email signs up again. A suppressed address becomes pending too: the person's own
         * confirmation lifts the suppression.
         */
        RESUBSCRIBE_OR_REMIND
    }

    /** @throws IllegalArgumentException for an invalid address: nothing is stored */
    public Outcome add(SignupRequest req, Returning returning) {
        NewSubscriber wanted = subscriber(req);
        if (returning == Returning.RESUBSCRIBE) {
            Optional<Suppression> held = subscribers.suppressions().find(wanted.email());
            if (held.isPresent()) {
                return new Outcome(subscribers.findByEmail(wanted.email()).orElse(null), false, false, false,
                        held.get());
            }
        }
        SubscriberStore.Added added = subscribers.add(wanted, clock.instant());
        Subscriber s = added.subscriber();
        if (!added.created()) {
            boolean gone = s.status() == SubscriberStatus.UNSUBSCRIBED || s.status() == SubscriberStatus.BOUNCED;
            boolean remind = returning == Returning.RESUBSCRIBE_OR_REMIND && s.status() == SubscriberStatus.PENDING;
            if (!gone && !remind) {
                return new Outcome(s, false, false, false, null);
            }
            subscribers.setStatus(s.id(), wanted.status(), clock.instant());
            s = subscribers.find(s.id()).orElseThrow();
        }
        return new Outcome(s, added.created(), true, s.status() == SubscriberStatus.PENDING, null);
    }

    /**
     * The record a sign-up stores: the address validated, the categories trimmed; active when the
     * admin vouches for consent, else pending.
     *
     * @throws IllegalArgumentException for an invalid address
     */
    static NewSubscriber subscriber(SignupRequest req) {
        SubscriberStatus status = req.confirmed() ? SubscriberStatus.ACTIVE : SubscriberStatus.PENDING;
        return new NewSubscriber(EmailAddress.parse(req.email()), req.name(), clean(req.categories()), status);
    }

    private static List<String> clean(List<String> categories) {
        return categories.stream().map(String::strip).filter(c -> !c.isEmpty()).distinct().toList();
    }
}
