package org.tidings.newsletter;

import org.tidings.model.Subscriber;

/** One subscriber still owed the issue. */
sealed interface DeliveryJob {
    long subscriberId();

    /** A subscriber to mail, and how often the server has deferred their message so far. */
    record Send(Subscriber subscriber, int attempts) implements DeliveryJob {
        @Override
        public long subscriberId() {
            return subscriber.id();
        }
    }

    /** A subscriber whose stored address is malformed: their delivery fails alone, the others go on. */
    record Unaddressable(long subscriberId) implements DeliveryJob {
    }
}
