package org.tidings.subscribers;

import java.util.List;
import org.tidings.model.EmailAddress;
import org.tidings.model.Subscriber;
import org.tidings.model.SubscriberStatus;
import org.tidings.store.NewSubscriber;
import org.tidings.store.SubscriberStore;
import org.tidings.newsletter.NewsletterParts;

/**
 * Adds subscribers. An address already known keeps its record: an active or pending one is left
 * as it is; one that unsubscribed or bounced is subscribed anew, since it asked again.
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
     * @param changed the address is new, or was subscribed anew
     * @param needsConfirmation a confirmation email is owed
     */
    public record Outcome(Subscriber subscriber, boolean created, boolean changed, boolean needsConfirmation) {
    }

    /** What to do with an address that unsubscribed or bounced before. */
    public enum Returning {
        /** Subscribe it anew: the person asked again (the CLI's add). */
        RESUBSCRIBE,
        /**
         * As {@link #RESUBSCRIBE}, and an address still pending gets a fresh confirmation with a
         * new window to confirm in: the web form, where someone who lost or let expire the first
         * email signs up again.
         */
        RESUBSCRIBE_OR_REMIND
    }

    /** @throws IllegalArgumentException for an invalid address: nothing is stored */
    public Outcome add(SignupRequest req, Returning returning) {
        NewSubscriber wanted = subscriber(req);
        SubscriberStore.Added added = subscribers.add(wanted, clock.instant());
        Subscriber s = added.subscriber();
        if (!added.created()) {
            boolean gone = s.status() == SubscriberStatus.UNSUBSCRIBED || s.status() == SubscriberStatus.BOUNCED;
            boolean remind = returning == Returning.RESUBSCRIBE_OR_REMIND && s.status() == SubscriberStatus.PENDING;
            if (!gone && !remind) {
                return new Outcome(s, false, false, false);
            }
            subscribers.setStatus(s.id(), wanted.status(), clock.instant());
            s = subscribers.find(s.id()).orElseThrow();
        }
        return new Outcome(s, added.created(), true, s.status() == SubscriberStatus.PENDING);
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
