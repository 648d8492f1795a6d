package org.tidings.newsletter;

import org.tidings.model.Subscriber;

/** One subscriber still owed the issue, and how often the server has deferred it so far. */
record DeliveryJob(Subscriber subscriber, int attempts) {
}
