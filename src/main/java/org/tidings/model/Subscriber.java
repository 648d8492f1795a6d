package org.tidings.model;

import java.time.Instant;
import java.util.List;

/**
 * A newsletter subscriber.
 *
 * @param email null only when the stored address is malformed (written by some other means than
 *     Tidings): such a subscriber is reported and never mailed
 * @param name optional display name, null when not given
 * @param categories the feed categories they want; empty means all
 * @param token unguessable (at least 128 random bits, URL-safe) key of their confirm and unsubscribe links
 */
public record Subscriber(
        long id,
        EmailAddress email,
        String name,
        SubscriberStatus status,
        List<String> categories,
        String token,
        Instant createdAt,
        Instant confirmedAt,
        Instant unsubscribedAt) {

    public Subscriber {
        categories = List.copyOf(categories);
    }

    /** Whether an article of a feed in {@code category} belongs in this subscriber's digest. */
    public boolean wants(String category) {
        return categories.isEmpty()
                || category != null && categories.stream().anyMatch(c -> c.equalsIgnoreCase(category));
    }
}
