package org.tidings.store;

import java.util.List;
import org.tidings.model.EmailAddress;
import org.tidings.model.SubscriberStatus;

/** A subscriber to add: pending (double opt-in) or active (an admin vouches for consent). */
public record NewSubscriber(EmailAddress email, String name, List<String> categories, SubscriberStatus status) {
    public NewSubscriber {
        categories = List.copyOf(categories);
    }
}
