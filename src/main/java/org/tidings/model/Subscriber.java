package org.tidings.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A newsletter subscriber.
 *
 * @param email always there and valid: a stored address that is not never becomes a Subscriber
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
        Objects.requireNonNull(email, "email");
        categories = List.copyOf(categories);
    }

    /** Whether an article of a feed in {@code category} belongs in this subscriber's digest. */
    public boolean wants(String category) {
        return categories.isEmpty()
                || category != null && categories.stream().anyMatch(c -> c.equalsIgnoreCase(category));
    }
}
